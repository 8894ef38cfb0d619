import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExcerptError } from '../../common/errors.ts';
import { canonicalText } from '../../common/text.ts';
import { mailMessage, type MailParts } from '../testing/writeEml.ts';
import { readEml } from './eml.ts';

const read = (parts: MailParts) => readEml(Buffer.from(mailMessage(parts)));

const forwardedHtml = `<div dir="ltr">FYI, see below.<br><br><div class="gmail_quote">---------- Forwarded message ---------<br>
  From: <b>Press Office</b> &lt;press@mfa.example.gov&gt;<br>Date: Fri, 19 Nov 2021<br>Subject: Statement on the convention<br><br>
  <h2>Statement on the convention</h2><p>The Ministry supports a <em>universal</em> convention under UN auspices.</p>
  <p>Details: <a href="https://mfa.example.gov/press/19">the full text</a>.</p>
  <img src="cid:logo" onerror="alert(1)"><script>alert(1)</script></div></div>`;

test('a forwarded press release: subject without "Fwd:" as title, the sender\'s date, the sender as source, the HTML body', async () => {
  const imported = await read({
    subject: 'Fwd: Re: Statement on the convention',
    from: { name: 'Anna Petrova', address: 'anna@desk.example.org' },
    date: 'Fri, 19 Nov 2021 23:30:00 -0500',
    text: 'plain text part that is not used when there is HTML',
    html: forwardedHtml,
  });
  assert.equal(imported.title, 'Statement on the convention');
  assert.equal(imported.published, '2021-11-19', 'the date as the sender wrote it, not moved to UTC');
  assert.equal(imported.source, 'Anna Petrova');
  const text = canonicalText(imported.doc);
  assert.ok(text.startsWith('FYI, see below.'), text);
  // The forwarded release's own heading says the title, so it is not repeated above the note.
  assert.equal(text.split('Statement on the convention').length, 3, 'once in the forwarded header block, once as the heading');
  assert.match(text, /From: Press Office <press@mfa\.example\.gov>/, 'the forwarded header block stays as text');
  assert.match(text, /The Ministry supports a universal convention under UN auspices\./);
  assert.doesNotMatch(text, /plain text part|alert/);
  imported.doc.check();
});

test('a text-only message is read paragraph by paragraph; a sender without a name is their address', async () => {
  const imported = await read({
    subject: 'FW: Заявление МИД',
    from: { address: 'press@mfa.example.gov' },
    text: 'Заявление МИД России\nо конвенции ООН.\n\nOʻzbekiston va Ўзбекистон: ҳамкорлик.\n\nالأمن السيبراني',
  });
  assert.equal(imported.title, 'Заявление МИД');
  assert.equal(imported.source, 'press@mfa.example.gov');
  assert.equal(imported.published, null);
  assert.equal(canonicalText(imported.doc), 'Заявление МИД\n\nЗаявление МИД России о конвенции ООН.\n\nOʻzbekiston va Ўзбекистон: ҳамкорлик.\n\nالأمن السيبراني');
});

test('without a subject the first line is the title; without a Date header a date line gives the date', async () => {
  const imported = await read({ from: { name: 'Desk', address: 'desk@example.org' }, text: 'Joint communiqué\n\n3 March 2023\n\nThe sides agreed.' });
  assert.equal(imported.title, 'Joint communiqué');
  assert.equal(imported.published, '2023-03-03');
  assert.equal(canonicalText(imported.doc), 'Joint communiqué\n\n3 March 2023\n\nThe sides agreed.');
});

test('attachments are ignored; a message with no body text, or a file that is no message, is refused with a reason', async () => {
  const withAttachment = await read({ subject: 'Release', text: 'Body text.', attachments: [{ name: 'release.txt', type: 'text/plain', content: 'ATTACHED WORDS' }] });
  assert.doesNotMatch(canonicalText(withAttachment.doc), /ATTACHED/);
  await assert.rejects(read({ subject: 'Only a file', text: ' ', attachments: [{ name: 'a.pdf', type: 'application/pdf', content: '%PDF' }] }),
    (e: unknown) => e instanceof ExcerptError && /no text in its body/.test(e.message));
  await assert.rejects(readEml(Buffer.from('just some words\nwithout any headers')),
    (e: unknown) => e instanceof ExcerptError && /not an e-mail message/.test(e.message));
});
