/// The W3C Web Annotation reader: Excerpt's own export read back (quote, context, code-point
/// positions, tags, note, source and title), the other shapes the model allows, and files it
/// must refuse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tagPaths } from '../export/brief.ts';
import type { ExportSnapshot } from '../export/excerpts.ts';
import { excerptUrn } from '../export/excerptUrn.ts';
import { snapshotToW3c } from '../export/w3c.ts';
import { emptySnapshot, sampleSnapshot } from '../testing/exportSample.ts';
import type { ImportedAnnotation } from './project.ts';
import { readW3c } from './readW3c.ts';
import { roundTripSnapshot } from '../testing/roundTripSample.ts';
import { assertRefused } from '../testing/assertRefused.ts';

const EXPORTED_AT = '2026-03-14T09:30:00.000Z';

/// What the reader should find for each excerpt of `snapshot` (the sample's addresses need no encoding).
function expectedAnnotations(snapshot: ExportSnapshot): ImportedAnnotation[] {
  const paths = tagPaths(snapshot.codebook);
  return snapshot.excerpts.map((excerpt) => ({
    source: excerpt.document.url ?? excerptUrn(snapshot.libraryId, 'document', excerpt.document.id),
    title: excerpt.document.title,
    exact: excerpt.text,
    prefix: excerpt.prefix,
    suffix: excerpt.suffix,
    start: excerpt.start,
    end: excerpt.end,
    // Each tag by its path, "Parent › Child".
    tags: excerpt.tagIds.map((id) => paths.get(id)!),
    // A blank note is no comment, so the export leaves it out.
    note: excerpt.note.trim() === '' ? '' : excerpt.note,
  }));
}

/// One annotation as another tool might write it, with `over` replacing parts.
function annotation(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'https://annotations.example.org/1',
    type: 'Annotation',
    body: { type: 'TextualBody', purpose: 'tagging', value: 'Ports' },
    target: {
      source: 'https://example.org/news/quay',
      selector: { type: 'TextQuoteSelector', exact: 'the quay 😊', prefix: 'opens ', suffix: ' today' },
    },
    ...over,
  };
}

const plain: ImportedAnnotation = {
  source: 'https://example.org/news/quay', title: null, exact: 'the quay 😊', prefix: 'opens ', suffix: ' today', start: null, end: null, tags: ['Ports'], note: '',
};

test('the sample exported as W3C annotations reads back with every quote, context, position, tag and note', () => {
  for (const snapshot of [sampleSnapshot(), roundTripSnapshot()]) {
    assert.deepEqual(readW3c(snapshotToW3c(snapshot, EXPORTED_AT)).annotations, expectedAnnotations(snapshot));
  }
  const snapshot = roundTripSnapshot();
  assert.ok(snapshot.excerpts.some((excerpt) => excerpt.text.includes('\n\n')), 'a quote over a paragraph break');
  assert.ok(snapshot.excerpts.some((excerpt) => excerpt.end - excerpt.start !== excerpt.text.length), 'astral characters in a quote');
});

test('a collection with items, a page, a single annotation and a list of annotations are all read', () => {
  const one = annotation();
  const read = (value: unknown) => readW3c(JSON.stringify(value)).annotations;
  assert.deepEqual(read({ type: 'AnnotationCollection', items: [one, one] }), [plain, plain]);
  assert.deepEqual(read({ type: 'AnnotationPage', items: [one] }), [plain]);
  assert.deepEqual(read(one), [plain]);
  assert.deepEqual(read([one, one, one]), [plain, plain, plain]);
  // Pages chained through `next` are read while they are embedded; a linked page is passed over.
  const chained = { type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [one], next: { type: 'AnnotationPage', items: [one], next: 'https://annotations.example.org/page/3' } } };
  assert.deepEqual(read(chained), [plain, plain]);
  assert.deepEqual(readW3c(`\uFEFF${JSON.stringify(one)}`).annotations, [plain], 'a byte-order mark before the JSON');
});

test('sources, selectors and bodies in the forms the model allows, and what the reader passes over', () => {
  const read = (over: Record<string, unknown>) => readW3c(JSON.stringify(annotation(over))).annotations;
  assert.deepEqual(read({
    target: [
      'https://example.org/whole-document',
      { source: { id: 'urn:doc:7', 'dcterms:title': 'Заявление' }, selector: [{ type: 'RangeSelector' }, { type: 'TextPositionSelector', start: 3, end: 9 }] },
      { source: 'https://example.org/only-css', selector: { type: 'CssSelector', value: '#main' } },
      { source: 'https://example.org/bad-position', selector: { type: 'TextPositionSelector', start: 9, end: 3 } },
      { selector: { type: 'TextQuoteSelector', exact: 'no source' } },
    ],
  }), [{ ...plain, source: 'urn:doc:7', title: 'Заявление', exact: '', prefix: '', suffix: '', start: 3, end: 9 }]);

  assert.deepEqual(read({
    motivation: 'commenting',
    body: [
      'https://vocab.example.org/tag/ports',
      { type: 'TextualBody', purpose: ['tagging'], value: ' Ports ' },
      { type: 'TextualBody', purpose: 'tagging', value: 'Ports' },
      { type: 'TextualBody', purpose: 'tagging', value: 'Порты 𝔘' },
      { type: 'TextualBody', value: 'First comment.' },
      { type: 'TextualBody', purpose: 'commenting', value: 'Second\r\ncomment.' },
      { type: 'TextualBody', purpose: 'describing', value: 'A description is no note.' },
      { type: 'SpecificResource', purpose: 'tagging', source: 'https://vocab.example.org/tag/x' },
    ],
  }), [{ ...plain, tags: ['Ports', 'Порты 𝔘'], note: 'First comment.\n\nSecond\r\ncomment.' }]);

  assert.deepEqual(read({ body: undefined, motivation: 'tagging', bodyValue: 'Harbours' }), [{ ...plain, tags: ['Harbours'] }]);
  assert.deepEqual(read({ body: undefined, bodyValue: 'Just a comment.' }), [{ ...plain, tags: [], note: 'Just a comment.' }]);
  assert.deepEqual(read({ body: undefined, unknownKey: { deeply: ['nested'] } }), [{ ...plain, tags: [] }]);
});

test('files that hold no annotation Excerpt can read are refused with what to do', () => {
  assertRefused(() => readW3c(''), /not JSON.*Choose the \.json or \.jsonld file/);
  assertRefused(() => readW3c('<Project name="not json"/>'), /not JSON/);
  assertRefused(() => readW3c('{"type": "Annotation", '), /not JSON/);
  for (const empty of ['{}', '[]', '42', 'null', '"Annotation"', '{"type": "AnnotationCollection", "total": 0}', '{"type": "AnnotationCollection", "first": "https://example.org/page/1"}']) {
    assertRefused(() => readW3c(empty), /holds no W3C Web Annotation.*Export the annotations again/);
  }
  assertRefused(() => readW3c(snapshotToW3c(emptySnapshot(), EXPORTED_AT)), /holds no W3C Web Annotation/);
  assertRefused(
    () => readW3c(JSON.stringify([annotation({ target: 'https://example.org/whole' }), annotation({ target: { source: 'https://example.org/x' } })])),
    /None of the 2 annotations in this file marks a passage/,
  );
});
