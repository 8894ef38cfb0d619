/// E-mail import (.eml): a press release forwarded by mail. The subject (without "Fwd:" or
/// "Re:") is the title and the document's first heading, the Date header gives the date as
/// the sender wrote it, the sender's name (else address) is the source. The body is the
/// message's HTML read like any HTML (scripts, styles and unsafe links dropped), else its
/// plain text, paragraph by paragraph. A forwarded message's header lines ("From: ...",
/// "Sent: ...") stay in the body as text. Attachments are ignored: a press release forwarded
/// as an attached file is imported by saving that file and importing it.
import PostalMime, { type Address, type Email } from 'postal-mime';
import type { Node } from 'prosemirror-model';
import { leadingLines, withTitleHeading } from './documentStart.ts';
import { htmlToDoc } from './htmlToDoc.ts';
import { titleFrom, unreadable, type ImportedDocument } from './importedDocument.ts';
import { dateInLine, findPublicationDate } from './publicationDate.ts';

/// Reply and forward markers mail programs put before a subject, in several languages.
const subjectPrefix = /^(?:\s*(?:re|fwd?|aw|wg|tr|sv|vs|ответ|пересл)\s*(?:\[\d+\])?\s*:)+\s*/i;

/// The document in a saved e-mail message.
export async function readEml(bytes: Uint8Array): Promise<ImportedDocument> {
  let email: Email;
  try {
    email = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' });
  } catch (error) {
    throw unreadable(`it could not be read as an e-mail message (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (!email.headers.some((header) => header.key === 'from' || header.key === 'subject' || header.key === 'date')) {
    throw unreadable('it is not an e-mail message: it has no From, Subject or Date header. Save the message from your mail program as .eml and import that.');
  }
  const body = bodyOf(email);
  const lines = leadingLines(body);
  const subject = email.subject?.replace(subjectPrefix, '').replace(/\s+/g, ' ').trim();
  const title = subject || lines[0]!;
  const rawDate = email.headers.find((header) => header.key === 'date')?.value;
  return {
    title: titleFrom(title),
    // The date as the sender's clock showed it ("Fri, 19 Nov 2021 23:30 -0500" is the 19th),
    // not converted to UTC; without a Date header, a date line near the top of the body.
    published: (rawDate ? dateInLine(rawDate) : null) ?? findPublicationDate(lines),
    source: senderOf(email.from),
    doc: withTitleHeading(body, title),
  };
}

function bodyOf(email: Email): Node {
  if (email.html && /\S/.test(email.html)) {
    try {
      return htmlToDoc(email.html);
    } catch {
      // An HTML part of images only: the plain-text part may still hold the words.
    }
  }
  if (email.text && /\S/.test(email.text)) return htmlToDoc(paragraphsAsHtml(email.text));
  throw unreadable('the message has no text in its body (only attachments or images). Save the attached press release and import that file.');
}

/// Plain text as HTML paragraphs (split at blank lines, escaped), so mail text and mail
/// HTML are read and tidied the same way.
function paragraphsAsHtml(text: string): string {
  const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/).map((paragraph) => `<p>${escape(paragraph)}</p>`).join('');
}

function senderOf(from: Address | undefined): string | undefined {
  const sender = from?.name?.trim() || from?.address?.trim();
  return sender || undefined;
}
