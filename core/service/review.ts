/// The review list: highlights that left the text (a re-issued document where they could not
/// be placed with confidence, or an edit that deleted their text) and wait for the analyst,
/// with their old quote, context, tags and note.
import { ExcerptError } from '../../common/errors.ts';
import type { Methods, ServiceContext } from './context.ts';
import { documentNotFound } from './documents.ts';

/// listReviewItems, discardReviewItem, reviewSummary.
export function reviewMethods({ documents, annotations, write }: ServiceContext): Methods<'listReviewItems' | 'discardReviewItem' | 'reviewSummary'> {
  return {
    listReviewItems({ documentId }) {
      if (documentId !== undefined && !documents.exists(documentId)) throw documentNotFound(documentId, 'documentId');
      return annotations.inReview(documentId ?? null);
    },

    discardReviewItem: ({ id }) => write('delete', () => {
      const reason = annotations.reviewReason(id);
      if (reason === undefined) {
        throw new ExcerptError('not-found', `Highlight ${id} no longer exists (it may have been discarded already). Reload the review list.`, 'id');
      }
      if (reason === null) {
        throw new ExcerptError('conflict', `Highlight ${id} stands on its document's text, not in the review list, so it was not discarded. Delete it from the text instead.`, 'id');
      }
      annotations.remove(id);
      return { id };
    }),

    reviewSummary: () => annotations.reviewSummary(),
  };
}
