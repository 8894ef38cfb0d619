/// Tests of the W3C Web Annotation export: the W3C test suite's must-level assertions on every
/// annotation and on the collection (with a check that they can fail), the offsets against the
/// documents' texts in code points, and the keys against the anno.jsonld context.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnySchemaObject, ValidateFunction } from 'ajv';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { toCodePointOffset } from '../../common/codepoints.ts';
import { BLOCK_SEPARATOR } from '../../common/text.ts';
import type { Tag } from '../../common/types.ts';
import { emptySnapshot, SAMPLE_LIBRARY_ID } from '../testing/exportSample.ts';
import { referencePath } from '../testing/reference.ts';
import type { Excerpt, ExportedDocument, ExportSnapshot } from './excerpts.ts';
import { excerptUrn } from './excerptUrn.ts';
import { ANNO_CONTEXT, PARAGRAPH_KEY, snapshotToW3c } from './w3c.ts';

// ---- A small coded library: three press releases, astral characters before and inside quotes.

const exportedAt = '2026-03-14T09:30:00.000Z';

const tag = (id: number, name: string, parentId: number | null = null): Tag => ({
  id, name, parentId, color: '#2266aa', description: '', whenToUse: '', whenNotToUse: '', example: '', shortcut: null, position: id,
});
const infrastructure = tag(1, 'Infrastructure');
const maritime = tag(2, 'Maritime', 1);
const transparency = tag(3, 'Transparency');
const environment = tag(4, 'Environment');

const paragraphs = (...blocks: string[]) => blocks.join(BLOCK_SEPARATOR);

const quay: ExportedDocument = {
  id: 11,
  title: 'Harbour Authority opens the northern quay',
  source: 'Harbour Authority',
  published: '2026-02-02',
  url: 'https://harbour.example.org/news/northern-quay',
  text: paragraphs(
    'Harbour Authority opens the northern quay',
    'The 😊 welcome desk moved to Pier 𝔘4 on Monday.',
    'The director said: "We will publish the tidal data every morning, free of charge." Shipping firms welcomed the decision.',
  ),
};
const bridge: ExportedDocument = {
  id: 12,
  title: 'Заявление о мосте',
  source: 'Министерство транспорта',
  published: '2026-02-20',
  url: 'https://пресса.пример.рф/новости/мост?лист=2#абзац 3',
  text: paragraphs('Заявление о мосте', 'Министр транспорта 😊 заявил: «Мост через реку откроется весной». Работы идут по графику.'),
};
const council: ExportedDocument = {
  id: 13,
  title: 'Notes from the regional council',
  source: null,
  published: null,
  url: null,
  text: paragraphs('Notes from the regional council', 'Councillors agreed that 𝔘rban gardens need 𝔘 more water. The budget vote is next week.'),
};

/// How many code points of context the sample keeps on each side of a quote.
const CONTEXT = 24;

/// The excerpt of the first `quote` in `document`, its offsets and context derived from the text.
function excerptOf(document: ExportedDocument, quote: string, id: number, tags: Tag[], note = ''): Excerpt {
  const at = document.text.indexOf(quote);
  assert.ok(at >= 0, `the sample quote "${quote}" is not in document ${document.id}`);
  const end = at + quote.length;
  const { text, ...cited } = document;
  return {
    id,
    document: cited,
    tags: tags.map((t) => t.name),
    tagIds: tags.map((t) => t.id),
    text: quote,
    start: toCodePointOffset(text, at),
    end: toCodePointOffset(text, end),
    prefix: [...text.slice(0, at)].slice(-CONTEXT).join(''),
    suffix: [...text.slice(end)].slice(0, CONTEXT).join(''),
    note,
    paragraph: text.slice(0, at).split(BLOCK_SEPARATOR).length,
    created: '2026-03-10T08:15:00.000Z',
    modified: '2026-03-11T16:40:27.125Z',
  };
}

function sample(): ExportSnapshot {
  return {
    libraryId: SAMPLE_LIBRARY_ID,
    excerpts: [
      excerptOf(quay, 'welcome desk moved to Pier 𝔘4', 101, [maritime]),
      excerptOf(quay, '"We will publish the tidal data every morning, free of charge."', 102, [transparency, maritime], 'Does "every morning" include weekends? Ask the press office.'),
      excerptOf(bridge, 'Мост через реку откроется весной', 103, [infrastructure], 'Срок назван без даты 😊'),
      excerptOf(council, '𝔘rban gardens need 𝔘 more water', 104, [environment]),
      excerptOf(council, 'The budget vote is next week.', 105, [infrastructure], '  \n'),
    ],
    codebook: [infrastructure, maritime, transparency, environment],
    documents: [quay, bridge, council],
  };
}

// ---- The export as the tests read it back.

interface Selector {
  type: string;
  exact?: string;
  prefix?: string;
  suffix?: string;
  start?: number;
  end?: number;
}

interface AnnotationJson {
  id: string;
  body?: { purpose: string; value: string }[];
  target: { source: { id: string }; selector: Selector[] };
  [key: string]: unknown;
}

interface CollectionJson {
  '@context': string;
  total: number;
  first?: { items: AnnotationJson[] };
  [key: string]: unknown;
}

const exported = (snapshot: ExportSnapshot): CollectionJson => JSON.parse(snapshotToW3c(snapshot, exportedAt)) as CollectionJson;
const annotationsOf = (collection: CollectionJson): AnnotationJson[] => collection.first?.items ?? [];
/// An annotation of the page as it stands alone: with the context it inherits from the collection.
const standalone = (collection: CollectionJson, annotation: AnnotationJson) => ({ '@context': collection['@context'], ...annotation });
const selectorOf = (annotation: AnnotationJson, type: string): Selector => {
  const found = annotation.target.selector.find((selector) => selector.type === type);
  assert.ok(found, `${annotation.id} has no ${type}`);
  return found;
};
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

// ---- The W3C test suite's assertions, run as web-platform-tests' JSONtest.js runs them.

/// The fields of an assertion file the runner reads; the rest is JSON Schema.
type AssertionSchema = AnySchemaObject & {
  expectedResult?: 'valid' | 'invalid';
  onUnexpectedResult?: string;
  errorMessage?: string;
};

interface Assertion {
  name: string;
  expectedResult: 'valid' | 'invalid';
  onUnexpectedResult: string;
  errorMessage: string;
  validate: ValidateFunction;
}

interface Outcome {
  name: string;
  result: 'pass' | 'fail' | 'skipped';
  message: string;
}

/// Keywords of the suite's files that are no JSON Schema.
const ASSERTION_KEYWORDS = ['assertionType', 'expectedResult', 'onUnexpectedResult', 'errorMessage', 'assertionFile', 'compareWith'];

/// What the rest of a list does after an unexpected result (JSONtest.js's determineAction).
const NEXT_ACTION: Record<string, 'continue' | 'skip' | 'abort'> = {
  failAndContinue: 'continue', failAndSkip: 'skip', failAndAbort: 'abort',
  passAndContinue: 'continue', passAndSkip: 'skip', passAndAbort: 'abort',
};

/// The suite under `root`: draft-04 schemas with formats checked, every definition file loaded once.
function w3cSuite(root: string) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const keyword of ASSERTION_KEYWORDS) ajv.addKeyword({ keyword });
  const definitions = join(root, 'definitions');
  for (const file of readdirSync(definitions).filter((name) => name.endsWith('.json'))) ajv.addSchema(readJson(join(definitions, file)) as AnySchemaObject);

  const compile = (name: string, { id: _, ...schema }: AssertionSchema): Assertion => ({
    name,
    expectedResult: schema.expectedResult ?? 'valid',
    onUnexpectedResult: schema.onUnexpectedResult ?? 'failAndContinue',
    errorMessage: schema.errorMessage ?? `Result was not ${schema.expectedResult ?? 'valid'}`,
    // Without its id, each assertion compiles on its own; its $refs name the definition files.
    validate: ajv.compile(schema),
  });
  return {
    ajv,
    compile,
    /// The assertions a `.test` file lists, in order (the suite's lists are flat lists of files).
    assertionsOf(testFile: string): Assertion[] {
      const { assertions } = readJson(join(root, testFile)) as { assertions: unknown[] };
      return assertions.map((entry) => {
        assert.equal(typeof entry, 'string', `${testFile}: only lists of assertion files are supported`);
        return compile(entry as string, readJson(join(root, entry as string)) as AssertionSchema);
      });
    },
  };
}

/// Each assertion's outcome for `content`: as expected (`expectedResult`) passes; otherwise it
/// fails and `onUnexpectedResult` says whether the rest of the list still runs.
function runAssertions(ajv: Ajv, assertions: readonly Assertion[], content: unknown): Outcome[] {
  let action: 'continue' | 'skip' | 'abort' = 'continue';
  return assertions.map(({ name, expectedResult, onUnexpectedResult, errorMessage, validate }): Outcome => {
    // In a flat list, skipping the rest of the level and aborting both leave the rest unrun.
    if (action !== 'continue') return { name, result: 'skipped', message: `after an unexpected result (${action})` };
    const valid = validate(content);
    if ((expectedResult === 'valid') === valid) return { name, result: 'pass', message: '' };
    action = NEXT_ACTION[onUnexpectedResult] ?? 'continue';
    return { name, result: 'fail', message: `${errorMessage} (${ajv.errorsText(validate.errors)})` };
  });
}

const failures = (outcomes: readonly Outcome[]) => outcomes.filter((o) => o.result !== 'pass').map((o) => `${o.name}: ${o.result}: ${o.message}`);
const failedNames = (outcomes: readonly Outcome[]) => outcomes.filter((o) => o.result === 'fail').map((o) => o.name);

// ---- 1. The W3C must-level assertions.

test('every annotation passes the W3C must-level assertions, and the collection and its page theirs', (t) => {
  const root = referencePath(t, 'w3c-web-annotation-tests');
  if (!root) return;
  const suite = w3cSuite(root);
  const annotationMusts = suite.assertionsOf('annotations/annotationMusts.test');
  const collectionMusts = suite.assertionsOf('collections/collectionMusts.test');
  const pageMusts = suite.assertionsOf('collections/pages/pageMusts.test');
  const collection = exported(sample());
  const annotations = annotationsOf(collection);
  assert.equal(annotations.length, 5);

  let runs = 0;
  for (const annotation of annotations) {
    const outcomes = runAssertions(suite.ajv, annotationMusts, standalone(collection, annotation));
    assert.deepEqual(failures(outcomes), [], annotation.id);
    runs += outcomes.length;
  }
  for (const musts of [collectionMusts, pageMusts]) {
    const outcomes = runAssertions(suite.ajv, musts, collection);
    assert.deepEqual(failures(outcomes), []);
    runs += outcomes.length;
  }
  const empty = JSON.parse(snapshotToW3c(emptySnapshot(), exportedAt)) as CollectionJson;
  assert.equal(empty.total, 0);
  assert.deepEqual(failures(runAssertions(suite.ajv, collectionMusts, empty)), []);
  runs += collectionMusts.length;

  t.diagnostic(`${annotationMusts.length} annotation musts × ${annotations.length} annotations, ${collectionMusts.length} collection and ${pageMusts.length} page musts: ${runs} assertion runs passed`);
});

test('the assertions reject broken annotations and collections, so a pass means something', (t) => {
  const root = referencePath(t, 'w3c-web-annotation-tests');
  if (!root) return;
  const suite = w3cSuite(root);
  const annotationMusts = suite.assertionsOf('annotations/annotationMusts.test');
  const collection = exported(sample());
  const good = standalone(collection, annotationsOf(collection)[1]!);
  assert.deepEqual(failures(runAssertions(suite.ajv, annotationMusts, good)), []);

  const broken: [string, (annotation: AnnotationJson) => void, string][] = [
    ['a tag body without its value', (a) => { a.body = [{ type: 'TextualBody', purpose: 'tagging' } as unknown as { purpose: string; value: string }]; }, 'annotations/3.2-bodyObjectsRecognized.json'],
    ['both a body and a bodyValue', (a) => { a.bodyValue = 'Maritime'; }, 'annotations/3.2.5-notBodyBodyValue.json'],
    ['a position selector with a text start', (a) => { selectorOf(a, 'TextPositionSelector').start = '3' as unknown as number; }, 'annotations/specificResource/4.2-TextDataPositionSelectorValid.json'],
    ['a quote selector without its quote', (a) => { delete selectorOf(a, 'TextQuoteSelector').exact; }, 'annotations/specificResource/4.2.4-textQuoteSelectorValid.json'],
    ['an id that is no URI', (a) => { a.id = 'highlight 102'; }, 'annotations/3.1-annotationIdValidated.json'],
    ['a creation time that is no date-time', (a) => { a.created = '10 March 2026'; }, 'annotations/3.3.1-annotationCreatedValidated.json'],
    ['a Cyrillic address left unencoded', (a) => { a.target.source.id = 'https://пресса.рф/мост'; }, 'annotations/3.2-targetObjectsRecognized.json'],
    ['no context', (a) => { delete a['@context']; }, 'annotations/3.1-annotationContextValidated.json'],
  ];
  for (const [what, breakIt, assertion] of broken) {
    const annotation = structuredClone(good);
    breakIt(annotation);
    assert.ok(failedNames(runAssertions(suite.ajv, annotationMusts, annotation)).includes(assertion), `${what} should fail ${assertion}`);
  }

  const collectionMusts = suite.assertionsOf('collections/collectionMusts.test');
  const { first: _, ...withoutPage } = collection;
  assert.deepEqual(failedNames(runAssertions(suite.ajv, collectionMusts, withoutPage)), ['collections/5.1-collectionFirstValidated.json']);
});

test('the runner honours expectedResult and onUnexpectedResult as JSONtest.js does', (t) => {
  const root = referencePath(t, 'w3c-web-annotation-tests');
  if (!root) return;
  const suite = w3cSuite(root);
  const hasId: AssertionSchema = { $ref: 'id.json#/definitions/idValueFound' };
  const list = [
    suite.compile('no id is expected', { ...hasId, expectedResult: 'invalid' }),
    suite.compile('an id, or skip the rest', { ...hasId, onUnexpectedResult: 'failAndSkip' }),
    suite.compile('anything', {}),
  ];
  const results = (content: unknown) => runAssertions(suite.ajv, list, content).map((o) => o.result);
  assert.deepEqual(results({ id: 'urn:excerpt:annotation:1' }), ['fail', 'pass', 'pass']);
  assert.deepEqual(results({ id: 'not a uri' }), ['pass', 'fail', 'skipped']);
});

// ---- 2. Offsets: the schemas check types, not that a selector finds the quote.

test('every position selector lies in its document and its code points are the quote', () => {
  const snapshot = sample();
  const textOf = new Map(snapshot.excerpts.map((e) => [excerptUrn(SAMPLE_LIBRARY_ID, 'annotation', e.id), snapshot.documents.find((d) => d.id === e.document.id)!.text]));
  const annotations = annotationsOf(exported(snapshot));
  assert.equal(annotations.length, snapshot.excerpts.length);
  assert.equal(new Set(annotations.map((a) => a.id)).size, annotations.length, 'annotation ids are unique');
  for (const annotation of annotations) {
    const text = [...textOf.get(annotation.id)!];
    const { start, end } = selectorOf(annotation, 'TextPositionSelector');
    const { exact, prefix = '', suffix = '' } = selectorOf(annotation, 'TextQuoteSelector');
    assert.ok(start !== undefined && end !== undefined && 0 <= start && start <= end && end <= text.length, `${annotation.id}: ${start}-${end} in ${text.length} code points`);
    assert.equal(text.slice(start, end).join(''), exact, annotation.id);
    assert.ok(text.slice(0, start).join('').endsWith(prefix), `${annotation.id}: the prefix ends where the quote starts`);
    assert.ok(text.slice(end).join('').startsWith(suffix), `${annotation.id}: the suffix starts where the quote ends`);
  }
  // Otherwise the sample could not tell UTF-16 offsets from code points.
  assert.ok(snapshot.excerpts.some((e) => e.start !== textOf.get(excerptUrn(SAMPLE_LIBRARY_ID, 'annotation', e.id))!.indexOf(e.text)), 'astral characters before a quote');
  assert.ok(snapshot.excerpts.some((e) => e.end - e.start !== e.text.length), 'astral characters inside a quote');
  assert.ok(annotations.some((a) => selectorOf(a, 'TextQuoteSelector').suffix === undefined), 'a quote at the end of its document');
});

// ---- 3. JSON-LD: what the export says must mean something under the anno.jsonld context.

test('every key, class and motivation the export uses is defined by the anno.jsonld context', (t) => {
  const path = referencePath(t, 'w3c-anno-context', 'anno.jsonld');
  if (!path) return;
  const context = (readJson(path) as { '@context': Record<string, unknown> })['@context'];
  const isTerm = (key: string) => Object.hasOwn(context, key);
  // A compact IRI needs a prefix the context defines; Excerpt's one property of its own is an absolute IRI.
  const isKey = (key: string) => key.startsWith('@') || isTerm(key) || key === PARAGRAPH_KEY
    || (/^[a-z]+:[A-Za-z]+$/.test(key) && typeof context[key.split(':')[0]!] === 'string');
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}[${i}]`));
    else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        assert.ok(isKey(key), `${path}.${key} is no term or compact IRI of the context`);
        // Types, motivations and purposes are vocabulary terms too.
        if (['type', 'motivation', 'purpose'].includes(key)) assert.ok(isTerm(inner as string), `${path}.${key}: "${String(inner)}" is not defined by the context`);
        walk(inner, `${path}.${key}`);
      }
    }
  };
  const collection = exported(sample());
  assert.equal(collection['@context'], ANNO_CONTEXT);
  walk(collection, 'collection');
  for (const annotation of annotationsOf(collection)) {
    for (const key of Object.keys(annotation)) assert.ok(isTerm(key), `${annotation.id}: top-level key ${key} is no term of the context`);
  }
});

// ---- The shape other tools read.

test('a highlight becomes an Annotation with its tags, note, document citation and selectors', () => {
  const collection = exported(sample());
  assert.deepEqual({ ...collection, first: undefined }, {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'urn:excerpt:5a3c0e2f-7b41-4d6e-9c2a-1f8e6d4b3a90:export:2026-03-14T09:30:00.000Z',
    type: 'AnnotationCollection',
    label: 'Excerpts exported 2026-03-14T09:30:00.000Z',
    created: exportedAt,
    total: 5,
    first: undefined,
  });
  const [desk, statement, bridgeQuote, gardens, vote] = annotationsOf(collection);
  assert.deepEqual(statement, {
    id: 'urn:excerpt:5a3c0e2f-7b41-4d6e-9c2a-1f8e6d4b3a90:annotation:102',
    type: 'Annotation',
    motivation: 'tagging',
    created: '2026-03-10T08:15:00.000Z',
    modified: '2026-03-11T16:40:27.125Z',
    body: [
      { type: 'TextualBody', purpose: 'tagging', value: 'Transparency' },
      { type: 'TextualBody', purpose: 'tagging', value: 'Infrastructure › Maritime' },
      { type: 'TextualBody', purpose: 'commenting', value: 'Does "every morning" include weekends? Ask the press office.', format: 'text/plain' },
    ],
    target: {
      type: 'SpecificResource',
      source: {
        id: 'https://harbour.example.org/news/northern-quay',
        type: 'Text',
        'dcterms:title': 'Harbour Authority opens the northern quay',
        'dcterms:publisher': { name: 'Harbour Authority' },
        'dcterms:issued': '2026-02-02',
      },
      selector: [
        { type: 'TextQuoteSelector', exact: '"We will publish the tidal data every morning, free of charge."', prefix: 'ay.\n\nThe director said: ', suffix: ' Shipping firms welcomed' },
        { type: 'TextPositionSelector', start: 110, end: 173 },
      ],
      [PARAGRAPH_KEY]: 3,
    },
  });
  // A sub-tag is named by its path, so that tags of one name under two parents stay apart.
  assert.deepEqual(desk!.body, [{ type: 'TextualBody', purpose: 'tagging', value: 'Infrastructure › Maritime' }], 'no note, no commenting body');
  assert.deepEqual(vote!.body, [{ type: 'TextualBody', purpose: 'tagging', value: 'Infrastructure' }], 'a blank note is no comment');
  // A Cyrillic address is percent-encoded (host in punycode) so it is a URI; a document without one gets Excerpt's name.
  assert.equal(bridgeQuote!.target.source.id, 'https://xn--80aj3aega.xn--e1afmkfd.xn--p1ai/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/%D0%BC%D0%BE%D1%81%D1%82?%D0%BB%D0%B8%D1%81%D1%82=2#%D0%B0%D0%B1%D0%B7%D0%B0%D1%86%203');
  assert.deepEqual(gardens!.target.source, { id: 'urn:excerpt:5a3c0e2f-7b41-4d6e-9c2a-1f8e6d4b3a90:document:13', type: 'Text', 'dcterms:title': 'Notes from the regional council' });
  assert.ok(snapshotToW3c(sample(), exportedAt).endsWith('}\n'));
});

test('a long export holds every annotation once, in order, one a line', () => {
  const snapshot = sample();
  // More than two of the batches the writer serializes at a time, the last one short.
  const excerpts = Array.from({ length: 2_345 }, (_, i) => ({ ...snapshot.excerpts[i % snapshot.excerpts.length]!, id: 1_000 + i }));
  const file = snapshotToW3c({ ...snapshot, excerpts }, exportedAt);
  const collection = JSON.parse(file) as CollectionJson;
  assert.equal(collection.total, excerpts.length);
  assert.deepEqual(annotationsOf(collection).map((a) => a.id), excerpts.map((e) => excerptUrn(SAMPLE_LIBRARY_ID, 'annotation', e.id)));
  // The collection's opening, a line per annotation, its closing, and the final line end.
  assert.equal(file.split('\n').length, 1 + excerpts.length + 1 + 1);
});

test('a highlight without tags is a comment when it has a note, else a plain highlight', () => {
  const snapshot = sample();
  const [desk, statement] = snapshot.excerpts;
  const [comment, highlight] = annotationsOf(exported({ ...snapshot, excerpts: [{ ...statement!, tags: [], tagIds: [] }, { ...desk!, tags: [], tagIds: [] }] }));
  assert.equal(comment!.motivation, 'commenting');
  assert.deepEqual(comment!.body, [{ type: 'TextualBody', purpose: 'commenting', value: statement!.note, format: 'text/plain' }]);
  assert.equal(highlight!.motivation, 'highlighting');
  assert.equal(highlight!.body, undefined);
});

test('an address a URI may not hold as written is encoded, and one that is no web address is replaced', () => {
  const sourceIdFor = (url: string | null) => {
    const snapshot = sample();
    const excerpt = snapshot.excerpts[0]!;
    excerpt.document = { ...excerpt.document, url };
    return annotationsOf(exported({ ...snapshot, excerpts: [excerpt] }))[0]!.target.source.id;
  };
  assert.equal(sourceIdFor('https://user:secret@example.org/a|b^c/100%/x%20y?q={1}#f#g'), 'https://example.org/a%7Cb%5Ec/100%25/x%20y?q=%7B1%7D#f%23g');
  assert.equal(sourceIdFor('http://[::1]:8080/a[b]'), 'http://[::1]:8080/a%5Bb%5D');
  for (const notWeb of ['www.example.org/news', 'file:///C:/press/release.html', 'mailto:press@example.org', '']) {
    assert.equal(sourceIdFor(notWeb), 'urn:excerpt:5a3c0e2f-7b41-4d6e-9c2a-1f8e6d4b3a90:document:11', notWeb);
  }
});
