/// Word (.docx) import. The file is a zip archive, so it is inspected first (zipInspection.ts:
/// limits checked from its directory, nothing unpacked before), and mammoth reads a copy
/// written from the parts as inspected, never the file itself. mammoth turns it into
/// HTML (headings, lists, block quotes, emphasis, strong, links; images left out, never read)
/// and htmlToDoc parses that HTML into the app's schema, so nothing of the markup survives.
///
/// The title is the document's Title property (docProps/core.xml) when it is a real title,
/// else the first heading near the top, else the first paragraph; the date is a date line
/// near the top (the file's creation date is when someone saved it, not when the statement
/// was issued). The source is left empty: the core "creator" and the "company" property name
/// whoever saved the file or licensed Word (a press officer, "Windows User"), rarely the
/// issuer, and a wrong source is worse than none for the analyst who fills it in.
import type { Node } from 'prosemirror-model';
import { ExcerptError } from '../../common/errors.ts';
import { schema } from '../../common/schema.ts';
import { leadingLines, withTitleHeading } from './documentStart.ts';
import { htmlToDoc } from './htmlToDoc.ts';
import { titleFrom, unreadable, type ImportedDocument } from './importedDocument.ts';
import { titleFromProperties } from './propertyTitle.ts';
import { DATE_LINE_WINDOW, findPublicationDate } from './publicationDate.ts';
import { checkedCopy, inspectZip, unpackEntry, type ZipEntry } from './zipInspection.ts';

/// How Word's own styles map to HTML, beyond mammoth's defaults (headings, lists, bold, italic).
const styleMap = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
];

/// Compound documents (OLE) start with these bytes: an encrypted .docx, or an old .doc renamed.
const compoundFile = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/// The document in a .docx file.
export async function readDocx(bytes: Uint8Array): Promise<ImportedDocument> {
  if (compoundFile.every((byte, i) => bytes[i] === byte)) {
    throw unreadable('it is a password-protected (encrypted) Word document, or an old Word 97-2003 file renamed to .docx. ' +
      'Open it in Word, remove any password (File > Info > Protect Document), save it as a .docx and import that.');
  }
  const entries = inspectZip(bytes);
  const body = htmlToDoc(await toHtml(checkedCopy(bytes, entries)));
  const title = statedTitle(bytes, entries) ?? firstHeading(body) ?? leadingLines(body)[0]!;
  return {
    title: titleFrom(title),
    published: findPublicationDate(leadingLines(body)),
    doc: withTitleHeading(body, title),
  };
}

/// The text of the first heading among the first few blocks, if there is one.
function firstHeading(doc: Node): string | null {
  let seen = 0;
  let found: string | null = null;
  doc.descendants((node) => {
    if (found !== null || seen >= DATE_LINE_WINDOW) return false;
    if (!node.isTextblock) return true;
    seen++;
    if (node.type === schema.nodes.heading) found = node.textContent;
    return false;
  });
  return found;
}

async function toHtml(bytes: Uint8Array): Promise<string> {
  // Loaded with the first Word file: most imports and commands hold none.
  const { default: mammoth } = await import('mammoth');
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, {
      styleMap,
      includeEmbeddedStyleMap: false,
      ignoreEmptyParagraphs: true,
      // An image becomes an <img> without an address, which htmlToDoc drops: its bytes are
      // never read from the archive, and never turned into a data: URL.
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
    });
    return result.value;
  } catch (error) {
    if (error instanceof ExcerptError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw unreadable(`it could not be read as a Word document (${detail}). Open it in Word or LibreOffice, save it again as .docx and import that copy.`);
  }
}

/// The Title core property, when the file has one that reads as a title.
function statedTitle(bytes: Uint8Array, entries: readonly ZipEntry[]): string | null {
  const core = entries.find((entry) => entry.name === 'docProps/core.xml');
  if (!core) return null;
  const xml = new TextDecoder().decode(unpackEntry(bytes, core));
  // <dc:title>, whatever prefix the file binds to Dublin Core.
  const match = /<(?:[\w.-]+:)?title(?:\s[^>]*)?>([^<]*)<\/(?:[\w.-]+:)?title>/.exec(xml);
  return match ? titleFromProperties(decodeXmlText(match[1]!)) : null;
}

function decodeXmlText(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/gi, (whole, hex?: string, decimal?: string, name?: string) => {
    if (name) return named[name] ?? whole;
    const code = hex ? parseInt(hex, 16) : Number(decimal);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
