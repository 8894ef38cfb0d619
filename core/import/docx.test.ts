import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Document, ExternalHyperlink, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { unzipSync, zipSync } from 'fflate';
import type { Node } from 'prosemirror-model';
import { ExcerptError } from '../../common/errors.ts';
import { canonicalText } from '../../common/text.ts';
import { writeDocx } from '../testing/writeDocx.ts';
import { readDocx } from './docx.ts';

const pixel = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/// A press release as a Word user writes one: a title property, a kicker above the heading,
/// a date line, formatting, a link, a list, a quote, an image and Cyrillic text.
async function release(title?: string): Promise<Uint8Array> {
  const document = new Document({
    ...(title === undefined ? {} : { title }),
    creator: 'Jane Clerk',
    styles: { paragraphStyles: [{ id: 'Quote', name: 'Quote', basedOn: 'Normal', run: { italics: true } }] },
    sections: [{
      children: [
        new Paragraph({ text: 'For immediate release' }),
        new Paragraph({ text: 'Joint statement on cooperation', heading: HeadingLevel.HEADING_1 }),
        new Paragraph({ text: 'Geneva, 19 November 2021' }),
        new Paragraph({
          children: [
            new TextRun('The ministers '), new TextRun({ text: 'welcomed', bold: true }), new TextRun(' the '),
            new TextRun({ text: 'report', italics: true }), new TextRun(' published '),
            new ExternalHyperlink({ link: 'https://example.org/report', children: [new TextRun({ text: 'online', style: 'Hyperlink' })] }),
            new TextRun(' and '),
            new ExternalHyperlink({ link: 'javascript:alert(1)', children: [new TextRun('elsewhere')] }),
            new TextRun('.'),
            new ImageRun({ type: 'png', data: pixel, transformation: { width: 10, height: 10 } }),
          ],
        }),
        new Paragraph({ text: 'first point', bullet: { level: 0 } }),
        new Paragraph({ text: 'second point', bullet: { level: 0 } }),
        new Paragraph({ text: 'Заявление министерства', heading: HeadingLevel.HEADING_2 }),
        new Paragraph({ text: 'Стороны подтвердили приверженность сотрудничеству.' }),
        new Paragraph({ text: 'We will act together.', style: 'Quote' }),
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

test('a Word press release keeps its headings, paragraphs, list, quote, emphasis, links and Cyrillic text', async () => {
  const imported = await readDocx(await release('Joint statement on cooperation'));
  assert.equal(imported.title, 'Joint statement on cooperation');
  assert.equal(imported.published, '2021-11-19');
  assert.equal(imported.source, undefined, 'the creator property names whoever saved the file, not the issuer');
  assert.equal(canonicalText(imported.doc), [
    'For immediate release',
    'Joint statement on cooperation',
    'Geneva, 19 November 2021',
    'The ministers welcomed the report published online and elsewhere.',
    'first point', 'second point',
    'Заявление министерства',
    'Стороны подтвердили приверженность сотрудничеству.',
    'We will act together.',
  ].join('\n\n'));
  const json = imported.doc.toJSON() as { content: { type: string; attrs?: Record<string, unknown> }[] };
  assert.deepEqual(json.content.map((block) => block.type),
    ['paragraph', 'heading', 'paragraph', 'paragraph', 'bullet_list', 'heading', 'paragraph', 'blockquote']);
  assert.deepEqual(json.content.map((block) => block.attrs?.level).filter(Boolean), [1, 2]);
  assert.deepEqual(marksOf(imported.doc.child(3)), {
    welcomed: ['strong'], report: ['em'], online: ['link https://example.org/report'], 'and elsewhere.': [],
  });
  assert.doesNotMatch(JSON.stringify(imported.doc.toJSON()), /data:|image|javascript/i);
  imported.doc.check();
});

test('the title is the Title property when it is a real one, else the first heading, else the first paragraph', async () => {
  const stated = await readDocx(await release('Совместное заявление'));
  assert.equal(stated.title, 'Совместное заявление');
  assert.deepEqual(firstBlock(stated.doc), ['heading', 'Совместное заявление'], 'the document starts with its title');

  for (const placeholder of [undefined, 'Microsoft Word - statement_final.docx', 'Untitled']) {
    const fallback = await readDocx(await release(placeholder));
    assert.equal(fallback.title, 'Joint statement on cooperation', String(placeholder));
    assert.deepEqual(firstBlock(fallback.doc), ['paragraph', 'For immediate release'], 'the heading is already near the top');
  }

  const plain = new Document({ sections: [{ children: [new Paragraph('Statement by the delegation of Norway'), new Paragraph('Thank you, Chair.')] }] });
  const imported = await readDocx(new Uint8Array(await Packer.toBuffer(plain)));
  assert.equal(imported.title, 'Statement by the delegation of Norway');
  assert.equal(imported.published, null);
  assert.deepEqual(firstBlock(imported.doc), ['heading', 'Statement by the delegation of Norway'], 'as the plain-text importer does');
  assert.equal(canonicalText(imported.doc), 'Statement by the delegation of Norway\n\nThank you, Chair.');
});

const refused = (reason: RegExp) => (e: unknown) => e instanceof ExcerptError && e.code === 'unsupported' && reason.test(e.message);

test('encrypted, cut-off, foreign and bomb-carrying .docx files are refused with the reason', async () => {
  const good = await writeDocx({ heading: 'Statement', date: '1 June 2022', paragraphs: ['Text.'] });
  const oleHeader = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)]);
  await assert.rejects(readDocx(oleHeader), refused(/password-protected \(encrypted\) Word document, or an old Word 97-2003 file/));
  await assert.rejects(readDocx(good.subarray(0, Math.floor(good.length / 2))), refused(/cut off \(truncated\)/));
  await assert.rejects(readDocx(new TextEncoder().encode('Statement\n\nJust text saved as .docx')), refused(/not a zip archive/));
  await assert.rejects(readDocx(zipSync({ 'notes.txt': new TextEncoder().encode('hello') })), refused(/could not be read as a Word document/));
  const bomb = zipSync({ ...unzipSync(good), 'word/media/huge.bin': new Uint8Array(5_000_000) });
  await assert.rejects(readDocx(bomb), refused(/"word\/media\/huge\.bin" is packed [\d,]+ to 1, more than the 100 to 1/));
});

test('an entry named like a path outside the archive is only ever read in memory', async () => {
  const target = resolve('../../excerpt-zip-slip-test.txt');
  const parts = unzipSync(await writeDocx({ heading: 'Statement', date: '1 June 2022', paragraphs: ['Text.'] }));
  const sneaky = zipSync({ ...parts, '../../excerpt-zip-slip-test.txt': new TextEncoder().encode('written?') });
  assert.equal((await readDocx(sneaky)).title, 'Statement');
  assert.equal(existsSync(target), false);
});

function firstBlock(doc: Node): [string, string] {
  return [doc.firstChild!.type.name, doc.firstChild!.textContent];
}

function marksOf(paragraph: Node): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  paragraph.forEach((node) => {
    const word = node.text?.trim();
    if (word && ['welcomed', 'report', 'online', 'and elsewhere.'].includes(word)) {
      found[word] = node.marks.map((mark) => (mark.type.name === 'link' ? `link ${mark.attrs.href as string}` : mark.type.name));
    }
  });
  return found;
}
