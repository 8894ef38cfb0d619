/// For tests: a saved e-mail message (.eml) as a mail program writes one: headers with
/// encoded words for non-ASCII text, a multipart/alternative body (text and HTML parts in
/// base64), and attachments in a multipart/mixed around it.

/// What goes into the message; every part is optional.
export interface MailParts {
  subject?: string;
  /// The sender; the display name may be in any script.
  from?: { name?: string; address: string };
  /// A Date header as written, e.g. `Fri, 19 Nov 2021 23:30:00 -0500`.
  date?: string;
  text?: string;
  html?: string;
  attachments?: { name: string; type: string; content: string }[];
}

/// The message as the text of an .eml file.
export function mailMessage(parts: MailParts): string {
  const headers = [
    `From: ${sender(parts.from ?? { name: 'Desk', address: 'desk@example.org' })}`,
    'To: analyst@example.org',
    parts.subject !== undefined ? `Subject: ${encodeWords(parts.subject)}` : '',
    parts.date !== undefined ? `Date: ${parts.date}` : '',
    'Message-ID: <test@example.org>',
    'MIME-Version: 1.0',
  ].filter(Boolean);
  const alternatives = [
    parts.text !== undefined ? part('text/plain; charset=utf-8', parts.text) : '',
    parts.html !== undefined ? part('text/html; charset=utf-8', parts.html) : '',
  ].filter(Boolean);
  let body = multipart('alternative', 'alt-boundary', alternatives);
  if (parts.attachments?.length) {
    body = multipart('mixed', 'mixed-boundary', [body, ...parts.attachments.map((file) =>
      part(`${file.type}; name="${file.name}"`, file.content, `Content-Disposition: attachment; filename="${file.name}"`))]);
  }
  return `${headers.join('\r\n')}\r\n${body}`;
}

function multipart(kind: string, boundary: string, parts: string[]): string {
  return `Content-Type: multipart/${kind}; boundary="${boundary}"\r\n\r\n` +
    parts.map((body) => `--${boundary}\r\n${body}\r\n`).join('') + `--${boundary}--\r\n`;
}

function part(contentType: string, content: string, extraHeader?: string): string {
  const base64 = Buffer.from(content).toString('base64').replace(/.{76}/g, '$&\r\n');
  return [`Content-Type: ${contentType}`, 'Content-Transfer-Encoding: base64', extraHeader, '', base64].filter((line) => line !== undefined).join('\r\n');
}

function sender({ name, address }: { name?: string; address: string }): string {
  if (!name) return `<${address}>`;
  return /^[\x20-\x7e]*$/.test(name) ? `"${name}" <${address}>` : `${encodeWords(name)} <${address}>`;
}

/// RFC 2047 encoded words for a header value that is not ASCII.
function encodeWords(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value).toString('base64')}?=`;
}
