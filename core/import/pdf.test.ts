import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExcerptError } from '../../common/errors.ts';
import { canonicalText } from '../../common/text.ts';
import { writePdf, type PdfLine } from '../testing/writePdf.ts';
import { readPdf } from './pdf.ts';

const body = (text: string, y: number, x = 72): PdfLine => ({ text, x, y, size: 11 });
const header = (page: number): PdfLine[] => [
  { text: 'Ministry of Communications – Press Office', x: 200, y: 810, size: 9 },
  { text: `Page ${page} of 2`, x: 280, y: 30, size: 9 },
];

/// A two-page press release laid out the way word processors print one.
const release: PdfLine[][] = [[
  { text: 'Joint statement on cooperation in', x: 72, y: 750, size: 20 },
  { text: 'telecommunications', x: 72, y: 726, size: 20 },
  body('Geneva, 19 November 2021', 690),
  body('The ministers discussed the informa-', 660),
  body('tion security of their networks and the', 646.8),
  body('well-known problems of long-term planning.', 633.6),
  body('They stressed that information is a public good, that the well-', 606),
  body('known problems need a follow-', 592.8),
  body('up meeting, and that coopera-', 579.6),
  body('tion with Franco-', 566.4),
  body('German partners helps.', 553.2),
  body('The delegations agreed to follow up in May and', 526, 90),
  body('to meet again in Geneva.', 512.8),
  body('A second indented paragraph starts here and', 499.6, 90),
  body('goes on below it.', 486.4),
  body('Finally, they discussed the role of the', 100),
  // Running lines come last in the file, as Chromium and Word write them.
  ...header(1),
], [
  body('Union in the coming years.', 780),
  body('• first point', 750),
  body('• second point, which is long enough to', 736.8),
  body('wrap onto a second line', 723.6, 84),
  body('Заявление министерства иностранных дел.', 690),
  ...header(2),
]];

test('a PDF press release comes back as paragraphs: running lines gone, lines and hyphenated words rejoined', async () => {
  const imported = await readPdf(writePdf(release));
  assert.equal(imported.title, 'Joint statement on cooperation in telecommunications');
  assert.equal(imported.published, '2021-11-19');
  assert.equal(canonicalText(imported.doc), [
    'Joint statement on cooperation in telecommunications',
    'Geneva, 19 November 2021',
    'The ministers discussed the information security of their networks and the well-known problems of long-term planning.',
    'They stressed that information is a public good, that the well-known problems need a follow-up meeting, and that cooperation with Franco-German partners helps.',
    'The delegations agreed to follow up in May and to meet again in Geneva.',
    'A second indented paragraph starts here and goes on below it.',
    'Finally, they discussed the role of the Union in the coming years.',
    'first point',
    'second point, which is long enough to wrap onto a second line',
    'Заявление министерства иностранных дел.',
  ].join('\n\n'));
  const json = imported.doc.toJSON() as { content: { type: string; attrs?: { level?: number } }[] };
  assert.deepEqual(json.content.map((block) => block.type),
    ['heading', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'bullet_list', 'paragraph']);
  assert.equal(json.content[0]!.attrs?.level, 1);
  imported.doc.check();
});

test('the Title property is the title when it is a real one, and the document starts with it', async () => {
  const placeholder = await readPdf(writePdf(release, { title: 'Microsoft Word - statement_final.docx' }));
  assert.equal(placeholder.title, 'Joint statement on cooperation in telecommunications');
  const stated = await readPdf(writePdf(release, { title: 'Совместное заявление о сотрудничестве' }));
  assert.equal(stated.title, 'Совместное заявление о сотрудничестве');
  assert.deepEqual(canonicalText(stated.doc).split('\n\n').slice(0, 2),
    ['Совместное заявление о сотрудничестве', 'Joint statement on cooperation in telecommunications']);
  const prefix = await readPdf(writePdf(release, { title: 'Joint statement on cooperation' }));
  assert.equal(prefix.title, 'Joint statement on cooperation');
  assert.match(canonicalText(prefix.doc), /^Joint statement on cooperation in telecommunications\n\nGeneva/, 'no second copy of the title');
});

test('without a larger font the title is the first paragraph, and a lone page number goes', async () => {
  const imported = await readPdf(writePdf([[body('Statement by the delegation of Norway', 760), body('on the draft convention.', 746.8), body('3', 40)]]));
  assert.equal(imported.title, 'Statement by the delegation of Norway on the draft convention.');
  assert.equal(imported.published, null);
  assert.equal(canonicalText(imported.doc), 'Statement by the delegation of Norway on the draft convention.', 'the lone "3" at the foot is a page number');
});

test('paragraphs of one line each are still told apart', async () => {
  const lines = ['Statement', 'Thank you, Chair.', 'We support the draft.', 'We thank the facilitators.'];
  const imported = await readPdf(writePdf([lines.map((text, i) => body(text, 760 - 20 * i))]));
  assert.equal(canonicalText(imported.doc), lines.join('\n\n'));
});

const refused = (reason: RegExp) => (e: unknown) => e instanceof ExcerptError && e.code === 'unsupported' && reason.test(e.message);

test('password-protected, cut-off, foreign, image-only and overlong PDFs are refused with the reason', async () => {
  await assert.rejects(readPdf(writePdf(release, { encrypted: true })), refused(/protected by a password; .*save an unprotected copy/));
  const whole = writePdf(release);
  await assert.rejects(readPdf(whole.subarray(0, Math.floor(whole.length * 0.7))), refused(/cut off \(truncated\)/));
  await assert.rejects(readPdf(new TextEncoder().encode('GIF89a not a pdf at all %%EOF')), refused(/not a PDF/));
  const broken = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\nnonsense\n%%EOF\n');
  await assert.rejects(readPdf(broken), refused(/damaged and cannot be read as a PDF/));
  await assert.rejects(readPdf(writePdf([[], []])), refused(/holds no text: .*scanned images/));
  await assert.rejects(readPdf(writePdf(Array.from({ length: 2001 }, () => []))), refused(/2,001 pages, more than the 2,000 Excerpt reads from one PDF/));
});
