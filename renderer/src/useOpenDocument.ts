/// The document open in the middle column with its highlights and its review list, loaded
/// when the analyst opens it and reloaded when the library changes under it (a new
/// revision, corrected details, a change from another window).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReviewItem, TextHighlight } from '../../common/types.ts';
import { ExcerptError } from '../../common/errors.ts';
import { docFromJson } from '../../common/schema.ts';
import { api } from './api.ts';
import type { OpenDocument } from './DocumentView.tsx';
import { rememberDocumentId } from './rememberedDocument.ts';
import { savesCompleted } from './documentSaver.ts';
import { inReadingOrder } from './readingOrder.ts';

/// `onLost`: the document could not be loaded (deleted, unreadable); `error` says why.
export function useOpenDocument(openId: number | null, onLost: (error: unknown) => void) {
  const [open, setOpen] = useState<OpenDocument | null>(null);
  const [annotations, setAnnotations] = useState<TextHighlight[] | null>(null);
  const [reviewItems, setReviewItems] = useState<ReviewItem[] | null>(null);
  // How many saves this window had completed when `annotations` was asked for (savesCompleted).
  const [annotationsAsOf, setAnnotationsAsOf] = useState(0);
  // Loads answer late; they apply only to the document still open, and keep its parsed
  // text (and so the editor) when the text has not changed.
  const openIdRef = useRef(openId);
  const openRef = useRef(open);
  const lost = useRef(onLost);
  useEffect(() => {
    openRef.current = open;
    lost.current = onLost;
  });

  const load = useCallback(async (id: number) => {
    const saves = savesCompleted();
    try {
      const { document, annotations: list, reviewItems: review } = await api.openDocument({ id });
      // A save meanwhile gave the newer state already (and what was read may predate it).
      if (openIdRef.current !== id || (savesCompleted() !== saves && openRef.current?.document.id === id)) return;
      const previous = openRef.current;
      const sameText = previous?.document.id === id && previous.document.contentHash === document.contentHash;
      setOpen({ document, node: sameText ? previous.node : parseDocument(document.title, document.doc) });
      setAnnotations(inReadingOrder(list));
      setAnnotationsAsOf(saves);
      setReviewItems(review);
    } catch (error) {
      if (openIdRef.current === id) lost.current(error);
    }
  }, []);

  useEffect(() => {
    openIdRef.current = openId;
    rememberDocumentId(openId);
    setOpen(null);
    setAnnotations(null);
    setReviewItems(null);
    if (openId !== null) void load(openId);
  }, [openId, load]);

  const reload = useCallback(() => {
    if (openIdRef.current !== null) void load(openIdRef.current);
  }, [load]);

  return { open, setOpen, annotations, setAnnotations, annotationsAsOf, setAnnotationsAsOf, reviewItems, setReviewItems, reload };
}

function parseDocument(title: string, json: unknown) {
  try {
    return docFromJson(json);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ExcerptError('unsupported', `“${title}” could not be shown (${reason}). Re-import the file it came from.`);
  }
}
