/// Files built to exhaust an importer rather than to be damaged by chance: fields of megabytes (a
/// title, a subject, a code's name), nesting a hundred thousand deep (HTML, Markdown, mail parts,
/// PDF arrays, a codebook, JSON), and a file just over the size limit. Each, in a worker thread
/// with a time limit, is read (with a title cut to size) or refused with a typed error, and a
/// refused one leaves the library as it was.
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { TITLE_LENGTH } from '../../core/import/importedDocument.ts';
import { MAX_FILE_BYTES } from '../../core/import/limits.ts';
import { mailMessage } from '../../core/testing/writeEml.ts';
import { writePdf } from '../../core/testing/writePdf.ts';
import { writeZip } from '../../core/testing/writeZip.ts';
import { fuzzLibrary } from './fuzzLibrary.ts';
import { assertReadOrRefused, importSandbox, type SandboxFile } from './importSandbox.ts';
import { documentSamples, exchangeSamples } from './sampleFiles.ts';

/// Longest one of these files may take to import here.
const LIMIT_MS = 30_000;
const MB = 1024 * 1024;

/// `length` letters and spaces that do not repeat (so that a zip packs them under 2 to 1, as
/// text, not a hundred to 1, as a bomb), the same every run: SHA-256 of a counter, as letters.
function words(length: number): string {
  const letters = Buffer.alloc(length);
  for (let block = 0; block * 32 < length; block++) {
    const digest = createHash('sha256').update(String(block)).digest();
    for (let i = 0; i < 32 && block * 32 + i < length; i++) letters[block * 32 + i] = digest[i]! % 7 === 0 ? 0x20 : 0x61 + (digest[i]! % 26);
  }
  return letters.toString('latin1');
}

const nested = (open: string, close: string, depth: number, inside = 'text') => `${open.repeat(depth)}${inside}${close.repeat(depth)}`;
const utf8 = (text: string) => strToU8(text);

test('megabyte fields, deep nesting and a file over the size limit are read within limits or refused, never hang the importer', async (t) => {
  const seeded = await fuzzLibrary(t);
  const sandbox = importSandbox(t, seeded.library.path, LIMIT_MS);
  const samples = Object.fromEntries([...await documentSamples(), ...await exchangeSamples(seeded.library)].map((file) => [file.name.split('.').pop()!, file]));
  const title = words(1 * MB);
  const document = (name: string, bytes: Uint8Array): SandboxFile => ({ name, bytes, kind: 'document' });
  const exchange = (name: string, bytes: Uint8Array): SandboxFile => ({ name, bytes, kind: 'exchange' });
  const docx = unzipSync(samples.docx!.bytes);
  const coreXml = strFromU8(docx['docProps/core.xml']!).replace(/<dc:title>[^<]*<\/dc:title>/, `<dc:title>${title}</dc:title>`);
  const qde = strFromU8(unzipSync(samples.qdpx!.bytes)['project.qde']!);
  const qdc = strFromU8(samples.qdc!.bytes);
  const deepCodes = Array.from({ length: 20_000 }, (_, i) => `<Code guid="00000000-0000-0000-0000-${String(i).padStart(12, '0')}" name="deep ${i}" isCodable="true">`).join('') +
    '</Code>'.repeat(20_000);

  const files: SandboxFile[] = [
    document('title.txt', utf8(`${title}\n\nThe body of the statement.`)),
    document('title.md', utf8(`# ${title}\n\nThe body of the statement.`)),
    document('title.html', utf8(`<!doctype html><title>${title}</title><h1>${title}</h1><p>The body.</p>`)),
    document('subject.eml', utf8(mailMessage({ subject: title, text: 'The body of the statement.' }))),
    document('title.docx', writeZip(Object.entries({ ...docx, 'docProps/core.xml': utf8(coreXml) }).map(([name, data]) => ({ name, data })))),
    // A quarter of it: pdfjs reads a string a character at a time, a second a megabyte here.
    document('title.pdf', writePdf([[{ text: 'The body of the statement.', x: 72, y: 700, size: 12 }]], { title: title.slice(0, MB / 4) })),
    document('deep.html', utf8(nested('<div>', '</div>', 100_000))),
    document('deep.md', utf8(`${'> '.repeat(100_000)}text\n\n${nested('[', '](x)', 50_000)}\n\n${Array.from({ length: 1_000 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')}`)),
    document('deep.eml', utf8(`Subject: Deep\r\n${Array.from({ length: 5_000 }, (_, i) => `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n`).join('')}Content-Type: text/plain\r\n\r\nThe body.\r\n`)),
    document('deep.pdf', Buffer.from(Buffer.from(samples.pdf!.bytes).toString('latin1').replace('<< /Type /Catalog', `<< /Deep ${nested('[', ']', 100_000, '')} /Type /Catalog`), 'latin1')),
    document('over-the-limit.txt', new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61)),
    exchange('deep.qdc', utf8(qdc.replace(/<Codes>/, `<Codes>${deepCodes}`))),
    // Stored, not packed: packed, the repetitive nesting would be refused as a ZIP bomb before it is read.
    exchange('deep.qdpx', writeZip(Object.entries({ ...unzipSync(samples.qdpx!.bytes), 'project.qde': utf8(qde.replace(/<Codes>/, `<Codes>${deepCodes}`)) }).map(([name, data]) => ({ name, data, store: true })))),
    exchange('name.qdc', utf8(qdc.replace(/name="[^"]*"/, `name="${title}"`))),
    exchange('deep.jsonld', utf8(nested('{"items": [', ']}', 100_000, JSON.stringify(JSON.parse(strFromU8(samples.jsonld!.bytes)))))),
    exchange('wide.jsonld', utf8(JSON.stringify({ type: 'AnnotationCollection', items: Array.from({ length: 200_000 }, () => ({ type: 'Annotation' })) }))),
  ];
  for (const file of files) {
    await t.test(file.name, async () => {
      const report = await sandbox.run(file);
      assertReadOrRefused(file, report);
      if (report.read.outcome === 'read' && file.kind === 'document') assert.ok(report.read.title.length <= TITLE_LENGTH, `${file.name}: a title of ${report.read.title.length} characters`);
    });
  }
});
