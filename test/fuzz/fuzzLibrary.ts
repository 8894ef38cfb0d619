/// For the fuzz tests: a library with something in every table (documents, a codebook of a
/// parent and a child tag, tagged highlights, one in the review list, a revision, a saved
/// query), a valid call of every method on it, a fingerprint of every table and of the files
/// beside it, and a way to run a call and then put the library back exactly as it was.
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { TestContext } from 'node:test';
import type { ArgsIn, MethodName } from '../../common/api.ts';
import type { Library } from '../../core/library.ts';
import { tempLibrary, textFile } from '../../core/testing/tempLibrary.ts';

/// The seeded library and a valid call of every method on it.
export interface FuzzLibrary {
  library: Library;
  validArgs: { [M in MethodName]: ArgsIn<M> };
}

const statement = (title: string, date: string, ...paragraphs: string[]) => [title, date, ...paragraphs].join('\n\n');

/// A library seeded through the service itself, closed when the test ends.
export async function fuzzLibrary(t: TestContext): Promise<FuzzLibrary> {
  const library = tempLibrary(t);
  const { service } = library;
  const imported = await service.importFiles({
    files: [
      textFile('cyber.txt', statement('Joint statement on cybercrime', '19 November 2021',
        'The Parties agree to share evidence on ransomware attacks.', 'They will meet again in Geneva.')),
      textFile('trade.txt', statement('Заявление о торговле', '2 June 2022', 'Стороны обсудили пошлины 😊 и доступ к рынкам.')),
    ],
  });
  const [cyber, trade] = imported.imported.map((document) => document.id) as [number, number];
  const security = await service.createTag({ name: 'Security', color: '#aa3333', shortcut: '1' });
  const cybercrime = await service.createTag({ name: 'Cybercrime', parentId: security.id, description: 'Crime through computers.' });
  const trading = await service.createTag({ name: 'Trade' });
  const text = (await service.getDocument({ id: cyber })).text;
  const at = (quote: string) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
  const evidence = await service.createAnnotation({ documentId: cyber, ...at('share evidence'), tagIds: [cybercrime.id, security.id], note: 'Key line.' });
  const geneva = await service.createAnnotation({ documentId: cyber, ...at('Geneva'), tagIds: [security.id] });
  const ransomware = await service.createAnnotation({ documentId: cyber, ...at('ransomware'), tagIds: [cybercrime.id] });
  await service.createAnnotation({ documentId: trade, start: 0, end: 9, tagIds: [trading.id] });
  // Re-issued with the last sentence gone: "Geneva" goes to the review list, and a revision is kept.
  await service.importFiles({
    files: [textFile('cyber-v2.txt', statement('Joint statement on cybercrime', '19 November 2021', 'The Parties agree to share evidence on ransomware attacks.'))],
  });
  const reviewed = (await service.listReviewItems({})).find((item) => item.id === geneva.id);
  if (!reviewed) throw new Error('the seed expected "Geneva" in the review list');
  const query = await service.saveQuery({ name: 'Cyber', filter: { tags: ['Cybercrime'] } });
  const opened = await service.openDocument({ id: cyber });
  const qdc = await service.exportExcerpts({ format: 'qdc' });

  const validArgs: FuzzLibrary['validArgs'] = {
    listDocuments: { tagId: security.id, from: '2020-01-01', to: '2030-12-31', source: 'Ministry', toReview: true },
    listSources: {},
    getDocument: { id: cyber },
    openDocument: { id: trade },
    searchDocuments: { query: 'ransomware', limit: 10 },
    updateDocument: { id: trade, title: 'Trade statement', published: '2022-06-03', source: 'Ministry', sourceUrl: 'https://example.org/trade' },
    listTags: {},
    createTag: { name: 'Sanctions', parentId: security.id, color: '#112233', description: 'Measures.', whenToUse: 'A measure.', whenNotToUse: 'Talk.', example: 'Asset freezes.', shortcut: '7' },
    updateTag: { id: cybercrime.id, name: 'Cyber offences', parentId: null, color: '#445566', description: 'Offences.', shortcut: null, position: 0 },
    deleteTag: { id: cybercrime.id },
    countTagUses: { documentId: cyber },
    mergeTags: { fromId: cybercrime.id, intoId: security.id },
    listAnnotations: { documentId: cyber },
    createAnnotation: { documentId: cyber, ...at('Parties'), tagIds: [trading.id], note: 'Who.', exact: 'Parties' },
    updateAnnotation: { id: evidence.id, tagIds: [security.id], note: 'Changed.' },
    deleteAnnotation: { id: ransomware.id },
    listReviewItems: { documentId: cyber },
    discardReviewItem: { id: geneva.id },
    reviewSummary: {},
    saveDocumentEdits: {
      documentId: cyber,
      baseHash: opened.document.contentHash,
      doc: { ...opened.document.doc },
      highlights: [{ key: 'k1', id: evidence.id, start: evidence.start, end: evidence.end, tagIds: [security.id], note: '' }],
      removed: [ransomware.id],
      toReview: [],
    },
    importFiles: { files: [textFile('new.txt', statement('A new statement', '1 March 2023', 'The Council met.'))] },
    findExcerpts: { filter: { tags: ['Security'], from: '2021-01-01' }, offset: 0, limit: 10 },
    listSavedQueries: {},
    saveQuery: { name: 'Trade talk', filter: { tags: ['Trade'], search: 'пошлины' } },
    deleteSavedQuery: { id: query.id },
    importExchange: { name: 'codebook.qdc', bytes: Buffer.from(qdc.content, qdc.encoding).toString('base64') },
    exportExcerpts: { filter: { tags: ['Security'] }, format: 'csv' },
    listBackups: {},
    backUpNow: { reason: 'manual' },
    // No such backup: a restore that succeeded would replace the library the fuzzing runs on.
    restoreBackup: { file: 'library-20990101-000000-manual.sqlite' },
  };
  return { library, validArgs };
}

/// A digest of every row of every table (the full-text index's own tables included) and the
/// schema version: equal digests, equal libraries.
export function fingerprint(library: Library): string {
  const { db } = library;
  const hash = createHash('sha256');
  const tables = db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name").pluck().all();
  for (const table of tables) {
    hash.update(`\n${table}\n`);
    for (const row of db.prepare(`SELECT * FROM "${table}"`).raw().iterate()) {
      hash.update(JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('base64') : value)));
    }
  }
  hash.update(String(db.pragma('user_version', { simple: true })));
  return hash.digest('hex');
}

/// The files beside the library (its backups, anything a call wrote there), with their sizes.
export function filesBeside(library: Library): string[] {
  const folder = dirname(library.path);
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()
    .filter((name) => !name.startsWith(basename(library.path)))
    .map((name) => `${name} ${statSync(join(folder, name)).size}`);
}

/// Methods that copy the database file (a backup, a restore), which SQLite does not do inside a
/// transaction: they run as they are. A call of theirs that passes changes no table.
const copiesTheFile: ReadonlySet<MethodName> = new Set<MethodName>(['backUpNow', 'restoreBackup']);

/// Runs `call` of `method` inside a transaction that is rolled back afterwards, so every call
/// meets the same library. The service's own transactions become savepoints inside it
/// (better-sqlite3 nests them), which commit or roll back as they would alone; `inspect` sees
/// the library as the call left it, before the rollback.
export async function withRollback<T>(library: Library, method: MethodName, call: () => Promise<T>, inspect: (outcome: T) => void): Promise<void> {
  if (copiesTheFile.has(method)) return inspect(await call());
  library.db.exec('BEGIN');
  try {
    inspect(await call());
  } finally {
    if (library.db.inTransaction) library.db.exec('ROLLBACK');
  }
}
