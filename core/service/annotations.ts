/// Highlights: ranges of a document's canonical text (UTF-16 offsets, end exclusive) with
/// their quote and context, a note, and any number of tags from the codebook.
import { ExcerptError } from '../../common/errors.ts';
import { describeQuote, shortQuote } from '../../common/quote.ts';
import type { Annotation } from '../../common/types.ts';
import type { Methods, ServiceContext } from './context.ts';
import { documentNotFound } from './documents.ts';
import { assertRangeOnText, knownTagIds } from './highlightChecks.ts';

/// listAnnotations, createAnnotation, updateAnnotation, deleteAnnotation.
export function annotationMethods(ctx: ServiceContext): Methods<'listAnnotations' | 'createAnnotation' | 'updateAnnotation' | 'deleteAnnotation'> {
  const { documents, annotations, write } = ctx;

  /// The tag ids without repeats, after checking that each names a tag.
  const knownTags = (tagIds: readonly number[]): number[] => knownTagIds(new Set(ctx.tags.existing(tagIds)), tagIds);

  const existingAnnotation = (id: number): Annotation => {
    const annotation = annotations.get(id);
    if (!annotation) throw new ExcerptError('not-found', `Highlight ${id} no longer exists (it may have been deleted). Reload the document.`, 'id');
    return annotation;
  };

  return {
    listAnnotations({ documentId }) {
      if (!documents.exists(documentId)) throw documentNotFound(documentId, 'documentId');
      return annotations.listForDocument(documentId);
    },

    createAnnotation: (args) => write('update', () => {
      const text = documents.text(args.documentId);
      if (text === undefined) throw documentNotFound(args.documentId, 'documentId');
      const { start, end } = args;
      assertRangeOnText(text, start, end);
      const quote = describeQuote(text, start, end);
      if (args.exact !== undefined && args.exact !== quote.exact) {
        throw new ExcerptError('conflict', `The document reads "${shortQuote(quote.exact)}" there, not "${shortQuote(args.exact)}": it changed since it was shown. Reload it and highlight again.`, 'exact');
      }
      const tagIds = knownTags(args.tagIds);
      const now = ctx.now();
      const id = annotations.add({ documentId: args.documentId, start, end, ...quote, note: args.note, createdAt: now, updatedAt: now });
      annotations.replaceTags(id, tagIds);
      return annotations.get(id)!;
    }),

    updateAnnotation: (args) => write('update', () => {
      existingAnnotation(args.id);
      if (args.tagIds !== undefined) annotations.replaceTags(args.id, knownTags(args.tagIds));
      if (args.note !== undefined) annotations.setNote(args.id, args.note);
      annotations.touch(args.id, ctx.now());
      return annotations.get(args.id)!;
    }),

    deleteAnnotation: ({ id }) => write('delete', () => {
      existingAnnotation(id);
      annotations.remove(id);
      return { id };
    }),
  };
}
