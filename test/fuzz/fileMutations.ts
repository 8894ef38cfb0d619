/// For the importer fuzz tests: a good file damaged in one way, as a recipe fast-check generates
/// (and prints, when a case fails) and the bytes it makes. Any file: cut off, bits flipped,
/// bytes overwritten, inserted (markup, PDF and zip keywords, broken UTF-8), removed or repeated.
/// A zip archive (.docx, .qdpx): a part renamed (to "../" paths, "__proto__", another part's
/// name), dropped, doubled, stored unpacked, or its own bytes damaged. A JSON file (.jsonld): one
/// value replaced, removed or doubled as hostileValues.ts breaks a method's arguments.
import { strFromU8, strToU8, unzipSync } from 'fflate';
import fc from 'fast-check';
import { writeZip, type ZipPart } from '../../core/testing/writeZip.ts';
import { hostileArgs } from './hostileValues.ts';
import type { SandboxFile } from './importSandbox.ts';

/// A damage to bytes; positions are taken modulo the length.
export type ByteEdit =
  | { truncate: number }
  | { flip: [at: number, bit: number][] }
  | { overwrite: number; bytes: number[] }
  | { insert: number; text: string }
  | { remove: number; length: number }
  | { repeat: number; length: number; times: number };

/// A damage to one part of a zip archive (its index taken modulo the number of parts).
export type PartEdit = { part: number } & ({ rename: string } | { drop: true } | { double: true } | { store: true } | { edit: ByteEdit });

/// How a file was damaged: `json` is the whole document, already damaged.
export type Recipe = { bytes: ByteEdit } | { zip: PartEdit } | { json: unknown };

/// Text that means something to one of the parsers, or breaks UTF-8.
const tokens = [
  '\u0000', '\ufeff', '\ud800', '<', '>', '</', '<![CDATA[', ']]>', '<!--', '<!DOCTYPE x [<!ENTITY a "aaaa">]>', '&#0;', '&#x110000;', '&amp', '&a;', '"', "'", '\\', '\r', '\n\n',
  '%PDF-1.7', '%%EOF', ' obj', 'endobj', 'stream\n', 'endstream', '<<', '>>', '[', ']', '(', ')', '/Length 99999999', 'xref', 'trailer',
  'PK\u0003\u0004', 'PK\u0005\u0006', '--alt-boundary', '--alt-boundary--', 'Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n', '=?UTF-8?B?', '=?', 'Subject: ',
  '# ', '> ', '- ', '```', '<script>alert(1)</script>', '{', '}', '":', ',', 'null',
];
const position = fc.nat({ max: 1_000_000 });

export const byteEdit: fc.Arbitrary<ByteEdit> = fc.oneof(
  fc.record({ truncate: position }),
  fc.record({ flip: fc.array(fc.tuple(position, fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 8 }) }),
  fc.record({ overwrite: position, bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 32 }) }),
  fc.record({ insert: position, text: fc.oneof(fc.constantFrom(...tokens), fc.string({ unit: 'binary', maxLength: 16 })) }),
  fc.record({ remove: position, length: fc.integer({ min: 1, max: 512 }) }),
  fc.record({ repeat: position, length: fc.integer({ min: 1, max: 64 }), times: fc.integer({ min: 2, max: 200 }) }),
);

/// Names a part should not have: paths out of the archive, the prototype, nothing, a long one.
const partNames = ['../../../escape.xml', '/etc/passwd', 'C:\\evil.xml', 'word/../../x.xml', '__proto__', 'constructor', '', ' ', 'Word/Document.XML', 'x'.repeat(300), 'sources/', '\u202egnp.xml'];

function partEdit(names: readonly string[]): fc.Arbitrary<PartEdit> {
  return fc.record({ part: fc.nat({ max: 1000 }) }).chain((where) => fc.oneof(
    fc.record({ rename: fc.constantFrom(...partNames, ...names) }),
    fc.constant({ drop: true as const }),
    fc.constant({ double: true as const }),
    fc.constant({ store: true as const }),
    { arbitrary: fc.record({ edit: byteEdit }), weight: 3 },
  ).map((change) => ({ ...where, ...change })));
}

/// Damages of `file`, as recipes.
export function recipes(file: SandboxFile): fc.Arbitrary<Recipe> {
  const bytes = fc.record({ bytes: byteEdit });
  if (/\.(docx|qdpx)$/.test(file.name)) {
    return fc.oneof({ arbitrary: bytes, weight: 1 }, { arbitrary: fc.record({ zip: partEdit(Object.keys(unzipSync(file.bytes))) }), weight: 3 });
  }
  if (file.name.endsWith('.jsonld')) {
    return fc.oneof({ arbitrary: bytes, weight: 1 }, { arbitrary: hostileArgs(JSON.parse(strFromU8(file.bytes)), 'http').map((json) => ({ json })), weight: 2 });
  }
  return bytes;
}

/// `file` damaged as `recipe` says.
export function damaged(file: SandboxFile, recipe: Recipe): SandboxFile {
  if ('json' in recipe) return { ...file, bytes: strToU8(JSON.stringify(recipe.json) ?? '') };
  if ('bytes' in recipe) return { ...file, bytes: editBytes(file.bytes, recipe.bytes) };
  const parts: ZipPart[] = Object.entries(unzipSync(file.bytes)).map(([name, data]) => ({ name, data }));
  const edit = recipe.zip;
  const i = edit.part % parts.length;
  const part = parts[i]!;
  if ('rename' in edit) parts[i] = { ...part, name: edit.rename };
  else if ('drop' in edit) parts.splice(i, 1);
  else if ('double' in edit) parts.splice(i, 0, part);
  else if ('store' in edit) parts[i] = { ...part, store: true };
  else parts[i] = { ...part, data: editBytes(part.data as Uint8Array, edit.edit) };
  return { ...file, bytes: writeZip(parts) };
}

function editBytes(bytes: Uint8Array, edit: ByteEdit): Uint8Array {
  const at = (position: number) => position % (bytes.length + 1);
  const spliced = (from: number, to: number, middle: Uint8Array) => Buffer.concat([bytes.subarray(0, from), middle, bytes.subarray(to)]);
  if ('truncate' in edit) return bytes.subarray(0, at(edit.truncate));
  if ('flip' in edit) {
    const copy = Uint8Array.from(bytes);
    for (const [where, bit] of edit.flip) if (copy.length > 0) copy[where % copy.length]! ^= 1 << bit;
    return copy;
  }
  if ('overwrite' in edit) return spliced(at(edit.overwrite), at(edit.overwrite) + edit.bytes.length, Uint8Array.from(edit.bytes));
  if ('insert' in edit) return spliced(at(edit.insert), at(edit.insert), strToU8(edit.text));
  if ('remove' in edit) return spliced(at(edit.remove), at(edit.remove) + edit.length, new Uint8Array());
  const from = at(edit.repeat);
  const chunk = bytes.subarray(from, from + edit.length);
  return spliced(from, from, Buffer.concat(Array<Uint8Array>(edit.times).fill(chunk)));
}
