/// For export tests: a library's texts salted with the characters XML 1.0 forbids, and a
/// check as strict as Word's and Excel's that every XML part of a zipped Office file parses.
import { unzipSync } from 'fflate';
import { XmlDocument } from 'libxml2-wasm';
import type { Tag } from '../../common/types.ts';
import type { ExportSnapshot } from '../export/excerpts.ts';

/// One of each kind XML forbids: C0 controls but tab and line breaks, a low and a high
/// surrogate each alone (low first, so the two make no pair), and the two noncharacters.
export const FORBIDDEN_CHARACTERS = '\u0000\u0001\u0008\u000b\u000c\u000e\u001f\udfff\ud800\ufffe\uffff';

/// `text` with FORBIDDEN_CHARACTERS after its first character, where trimming cannot reach them;
/// an empty text stays empty, as a writer leaves out an empty note or entry.
function salted(text: string): string {
  const [first, ...rest] = Array.from(text);
  return first === undefined ? text : [first, FORBIDDEN_CHARACTERS, ...rest].join('');
}

const saltedTag = (tag: Tag): Tag => ({
  ...tag,
  name: salted(tag.name),
  description: salted(tag.description),
  whenToUse: salted(tag.whenToUse),
  whenNotToUse: salted(tag.whenNotToUse),
  example: salted(tag.example),
});

/// `snapshot` with forbidden characters in every text an export writes: quotes, notes, tag
/// names and entries, document titles and sources. Without them it is `snapshot` again.
export function withForbiddenCharacters(snapshot: ExportSnapshot): ExportSnapshot {
  const document = <D extends { title: string; source: string | null }>(d: D): D => ({ ...d, title: salted(d.title), source: d.source && salted(d.source) });
  return {
    libraryId: snapshot.libraryId,
    codebook: snapshot.codebook.map(saltedTag),
    documents: snapshot.documents.map(document),
    excerpts: snapshot.excerpts.map((excerpt) => ({
      ...excerpt,
      text: salted(excerpt.text),
      note: salted(excerpt.note),
      tags: excerpt.tags.map(salted),
      document: document(excerpt.document),
    })),
  };
}

/// The XML parts of the zip `bytes` that libxml2 refuses, each with its error; [] when all parse.
export function unparsableXmlParts(bytes: Uint8Array): string[] {
  return Object.entries(unzipSync(bytes)).filter(([name]) => /\.(xml|rels)$/.test(name)).flatMap(([name, part]) => {
    try {
      XmlDocument.fromBuffer(part).dispose();
      return [];
    } catch (error) {
      return [`${name}: ${error instanceof Error ? error.message.trim() : String(error)}`];
    }
  });
}
