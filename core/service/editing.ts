/// Saving an editing session. The analyst changed a document's text in the editor, which mapped
/// every highlight through the edit; the new text (its earlier one kept as a revision), the
/// highlights moved, created, re-attached from the review list, removed, or sent to review
/// because the edit deleted their text, are saved together in one transaction, and only on the
/// text the edit was made on. Any refusal writes nothing.
import type { Node } from 'prosemirror-model';
import type { Args } from '../../common/api.ts';
import { ExcerptError } from '../../common/errors.ts';
import { describeQuote } from '../../common/quote.ts';
import { docFromJson } from '../../common/schema.ts';
import { canonicalText } from '../../common/text.ts';
import type { PlacedHighlight, StoredHighlight } from '../store/annotations.ts';
import { contentHash, type EditedContent } from '../store/documents.ts';
import type { Methods, ServiceContext } from './context.ts';
import { documentNotFound } from './documents.ts';
import { assertRangeOnText, knownTagIds } from './highlightChecks.ts';

type Edits = Args<'saveDocumentEdits'>;

/// A highlight of the save, checked and with the quote and context read on the new text.
interface CheckedHighlight extends PlacedHighlight {
  key: string;
  id: number | undefined;
  tagIds: number[];
}

/// saveDocumentEdits.
export function editingMethods(ctx: ServiceContext): Methods<'saveDocumentEdits'> {
  const { documents, revisions, annotations, tags } = ctx;

  return {
    saveDocumentEdits: (edits) => {
      // Parsing the document needs no lock: it happens before the write transaction begins.
      const edited = edits.doc === undefined ? undefined : editedContent(edits.doc);
      return ctx.write('update', () => {
        const { documentId } = edits;
        const stored = documents.textAndHash(documentId);
        if (!stored) throw documentNotFound(documentId, 'documentId');
        if (stored.contentHash !== edits.baseHash) {
          throw new ExcerptError('conflict', 'The document changed since it was opened (it was saved from another window, or a re-issued ' +
            'version was imported), so these edits were not saved. Reload it to see the current text; your unsaved edits are not ' +
            'kept, so copy any passage you want to keep before reloading, then make the edits again.', 'baseHash');
        }
        const textChanged = edited !== undefined && edited.contentHash !== stored.contentHash;
        const text = edited?.text ?? stored.text;
        const highlights = new Map(annotations.everyInDocument(documentId).map((h) => [h.id, h]));
        assertEachHighlightOnce(edits, highlights);
        if (textChanged) assertEveryPlacedHighlightSent(edits, highlights);
        edits.toReview.forEach((id, i) => {
          if (highlights.get(id)!.reviewReason !== null) {
            throw new ExcerptError('conflict', `Highlight ${id} is already in the review list, not on the text, so the edit cannot have deleted ` +
              'its text. Nothing was saved; reload the document.', `toReview.${i}`);
          }
        });
        const checked = checkHighlights(edits.highlights, text, new Set(tags.existing(edits.highlights.flatMap((h) => h.tagIds))));

        const now = ctx.now();
        if (textChanged) {
          revisions.keepCurrent(documentId, now);
          documents.setEditedContent(documentId, edited);
        } else if (edited) {
          documents.setDocJson(documentId, edited.docJson);
        }
        for (const id of edits.removed) annotations.remove(id);
        for (const id of edits.toReview) annotations.sendToReview(id, 'deleted', now);
        const retagged: { id: number; tagIds: number[] }[] = [];
        const saved = checked.map(({ key, id, tagIds, ...highlight }) => {
          if (id === undefined) {
            id = annotations.add({ documentId, ...highlight, createdAt: now, updatedAt: now });
            retagged.push({ id, tagIds });
            return { key, id };
          }
          // A highlight the edit did not touch is not rewritten: its updated_at stays true.
          const before = highlights.get(id)!;
          const tagsChanged = !sameTags(before.tagIds, tagIds);
          if (tagsChanged || !standsAsBefore(before, highlight)) annotations.place(id, highlight, now);
          if (tagsChanged) retagged.push({ id, tagIds });
          return { key, id };
        });
        annotations.replaceTagsOfMany(retagged);
        return {
          document: documents.describe(documentId)!,
          annotations: annotations.onTextOf(documentId),
          reviewItems: annotations.inReview(documentId),
          saved,
        };
      });
    },
  };
}

/// The stored form of an edited document, or an invalid-argument error on `doc`.
function editedContent(json: Edits['doc']): EditedContent {
  let doc: Node;
  try {
    doc = docFromJson(json);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ExcerptError('invalid-argument', `The edited document is not one Excerpt can store (${reason}), so nothing was saved. ` +
      'Reload the document and make the edit again; if this keeps happening, please report it.', 'doc');
  }
  const text = canonicalText(doc);
  return { docJson: JSON.stringify(doc.toJSON()), text, contentHash: contentHash(text) };
}

/// Every id the save names belongs to a highlight of this document and is named once, in
/// one of highlights, removed and toReview.
function assertEachHighlightOnce(edits: Edits, highlights: ReadonlyMap<number, StoredHighlight>): void {
  const named = new Map<number, string>();
  const keys = new Set<string>();
  const mentions: [number | undefined, string][] = [
    ...edits.highlights.map((h, i): [number | undefined, string] => [h.id, `highlights.${i}.id`]),
    ...edits.removed.map((id, i): [number, string] => [id, `removed.${i}`]),
    ...edits.toReview.map((id, i): [number, string] => [id, `toReview.${i}`]),
  ];
  for (const [id, field] of mentions) {
    if (id === undefined) continue;
    if (!highlights.has(id)) {
      throw new ExcerptError('not-found', `Highlight ${id} is not one of this document's highlights (it may have been deleted, or belong ` +
        'to another document). Nothing was saved; reload the document and make the edit again.', field);
    }
    const first = named.get(id);
    if (first !== undefined) {
      throw new ExcerptError('invalid-argument', `Highlight ${id} is named twice in one save (${first} and ${field}); each highlight is kept, ` +
        'removed or sent to review once. Nothing was saved; reload the document and make the edit again.', field);
    }
    named.set(id, field);
  }
  edits.highlights.forEach(({ key }, i) => {
    if (keys.has(key)) {
      throw new ExcerptError('invalid-argument', `Two highlights of the save share the key "${key}", so their ids could not be told apart. ` +
        'Nothing was saved; reload the document and make the edit again.', `highlights.${i}.key`);
    }
    keys.add(key);
  });
}

/// When the text changes, every highlight on it must be said where it now stands (or that it
/// went); one left out would keep offsets into the old text and mark the wrong words.
function assertEveryPlacedHighlightSent(edits: Edits, highlights: ReadonlyMap<number, StoredHighlight>): void {
  const sent = new Set([...edits.highlights.map((h) => h.id), ...edits.removed, ...edits.toReview]);
  const forgotten = [...highlights.values()].filter((h) => h.reviewReason === null && !sent.has(h.id)).map((h) => h.id);
  if (forgotten.length === 0) return;
  const ids = forgotten.length > 10 ? `${forgotten.slice(0, 10).join(', ')} and ${forgotten.length - 10} more` : forgotten.join(', ');
  throw new ExcerptError('invalid-argument', `The edit changed the text but did not say where ${forgotten.length === 1 ? 'highlight' : 'highlights'} ` +
    `${ids} now ${forgotten.length === 1 ? 'stands' : 'stand'}; saving would leave ${forgotten.length === 1 ? 'it' : 'them'} on the wrong words, so ` +
    'nothing was saved. Reload the document and make the edit again; if this keeps happening, please report it.', 'highlights');
}

/// The highlights of the save on `text`: ranges within it, tags in the codebook, quotes read there.
function checkHighlights(highlights: Edits['highlights'], text: string, codebook: ReadonlySet<number>): CheckedHighlight[] {
  return highlights.map((h, i) => {
    const field = `highlights.${i}.`;
    assertRangeOnText(text, h.start, h.end, field);
    const tagIds = knownTagIds(codebook, h.tagIds, field).sort((a, b) => a - b);
    return { key: h.key, id: h.id, start: h.start, end: h.end, ...describeQuote(text, h.start, h.end), note: h.note, tagIds };
  });
}

/// True when the highlight stands on the text, with its note, exactly as the save would put it.
function standsAsBefore(before: StoredHighlight, after: PlacedHighlight): boolean {
  return before.reviewReason === null && before.start === after.start && before.end === after.end && before.note === after.note &&
    before.exact === after.exact && before.prefix === after.prefix && before.suffix === after.suffix;
}

/// Both lists sorted ascending, without repeats.
function sameTags(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
