/// The app shell: library on the left, the open document in the middle, its highlights on
/// the right, and a message bar for whatever went wrong.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Annotation, DocumentSummary, Tag } from '../../common/types.ts';
import { asExcerptError } from '../../common/client.ts';
import { ExcerptError } from '../../common/errors.ts';
import { docFromJson } from '../../common/schema.ts';
import { api, onLibraryEvent } from './api.ts';
import { LibraryList } from './LibraryList.tsx';
import { DocumentView, type DocumentViewHandle, type OpenDocument } from './DocumentView.tsx';
import { AnnotationList } from './AnnotationList.tsx';
import { MessageBar } from './MessageBar.tsx';
import { rememberDocumentId, rememberedDocumentId } from './rememberedDocument.ts';
import { nextTagColor, type PickerChoice } from './codebook.ts';
import { inReadingOrder, tagQuote, withAnnotation } from './tagging.ts';
import type { Quote } from './editor/ranges.ts';

export function App() {
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [tags, setTags] = useState<Tag[]>([]);
  const [openId, setOpenId] = useState<number | null>(rememberedDocumentId);
  const [open, setOpen] = useState<OpenDocument | null>(null);
  const [annotations, setAnnotations] = useState<Annotation[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const documentView = useRef<DocumentViewHandle>(null);

  const report = useCallback((error: unknown) => setMessage(asExcerptError(error).message), []);

  const refreshLibrary = useCallback(async () => {
    try {
      const [docs, codebook] = await Promise.all([api.listDocuments({}), api.listTags({})]);
      setDocuments(docs);
      setTags(codebook);
    } catch (error) {
      report(error);
    }
  }, [report]);

  // The event listener below lives as long as the app; it reads the open id from here.
  const openIdRef = useRef(openId);
  useEffect(() => {
    openIdRef.current = openId;
  }, [openId]);

  const refreshAnnotations = useCallback(async () => {
    const documentId = openIdRef.current;
    if (documentId === null) return;
    const list = await api.listAnnotations({ documentId });
    if (openIdRef.current === documentId) setAnnotations(inReadingOrder(list));
  }, []);

  // Another window or the command line may change the library: follow it.
  useEffect(() => {
    void refreshLibrary();
    return onLibraryEvent('libraryChanged', () => {
      void refreshLibrary();
      refreshAnnotations().catch(report);
    });
  }, [refreshLibrary, refreshAnnotations, report]);

  useEffect(() => {
    rememberDocumentId(openId);
    setOpen(null);
    setAnnotations(null);
    if (openId === null) return;
    let current = true;
    Promise.all([api.getDocument({ id: openId }), api.listAnnotations({ documentId: openId })])
      .then(([document, list]) => {
        if (!current) return;
        setOpen({ document, node: parseDocument(document.title, document.doc) });
        setAnnotations(inReadingOrder(list));
      })
      .catch((error: unknown) => {
        if (!current) return;
        report(error);
        setOpenId(null);
      });
    return () => {
      current = false;
    };
  }, [openId, report]);

  // Every change below updates the list in place, then the library for its counts.
  const change = async (work: () => Promise<void>) => {
    try {
      await work();
      void refreshLibrary();
    } catch (error) {
      report(error);
    }
  };

  const tagPassage = (quote: Quote, choice: PickerChoice) =>
    change(async () => {
      if (!open || !annotations) return;
      let tagId: number;
      if (choice.kind === 'create') {
        const tag = await api.createTag({ name: choice.name, color: nextTagColor(tags) });
        setTags((list) => [...list, tag]);
        tagId = tag.id;
      } else {
        tagId = choice.entry.tag.id;
      }
      const annotation = await tagQuote(api, open.document.id, quote, tagId, annotations);
      setAnnotations((list) => withAnnotation(list ?? [], annotation));
    });

  const update = (annotation: Annotation, changes: { tagIds?: number[]; note?: string }) =>
    change(async () => {
      const updated = await api.updateAnnotation({ id: annotation.id, ...changes });
      setAnnotations((list) => withAnnotation(list ?? [], updated));
    });

  const remove = (annotation: Annotation) =>
    change(async () => {
      await api.deleteAnnotation({ id: annotation.id });
      setAnnotations((list) => (list ?? []).filter((a) => a.id !== annotation.id));
    });

  return (
    <div className="app">
      <LibraryList documents={documents} openId={openId} onOpen={setOpenId} />
      <main className="reading">
        {open ? (
          <DocumentView key={open.document.id} ref={documentView} open={open} annotations={annotations ?? []} tags={tags} onTag={(q, c) => void tagPassage(q, c)} />
        ) : (
          <p className="empty-note reading-empty">{openId === null ? 'Choose a document from the library to read and tag it.' : 'Opening…'}</p>
        )}
      </main>
      <AnnotationList
        annotations={open ? annotations : null}
        tags={tags}
        onShow={(a) => documentView.current?.showAnnotation(a)}
        onDelete={(a) => void remove(a)}
        onRemoveTag={(a, tagId) => void update(a, { tagIds: a.tagIds.filter((id) => id !== tagId) })}
        onNote={(a, note) => void update(a, { note })}
      />
      <MessageBar message={message} onDismiss={() => setMessage(null)} />
    </div>
  );
}

function parseDocument(title: string, json: unknown) {
  try {
    return docFromJson(json);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ExcerptError('unsupported', `“${title}” could not be shown (${reason}). Re-import the file it came from.`);
  }
}
