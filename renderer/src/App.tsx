/// The app shell: library on the left, the open document in the middle, its highlights on
/// the right, a message bar for whatever went wrong, and importing by button or by drop.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Annotation, DocumentSource, DocumentSummary, ReviewItem, Tag } from '../../common/types.ts';
import { asExcerptError } from '../../common/client.ts';
import { api, onLibraryEvent } from './api.ts';
import { LibraryList } from './LibraryList.tsx';
import { LibraryFilters } from './LibraryFilters.tsx';
import { isFiltered, rangeProblem, rememberedFilter, rememberFilter, type LibraryFilter } from './libraryFilter.ts';
import { DocumentView, type DocumentViewHandle } from './DocumentView.tsx';
import type { DetailsChanges } from './DocumentDetails.tsx';
import { AnnotationList } from './AnnotationList.tsx';
import { MessageBar } from './MessageBar.tsx';
import { ImportButtons } from './ImportButtons.tsx';
import { ImportDropZone } from './ImportDropZone.tsx';
import { ImportProgress } from './ImportProgress.tsx';
import { ImportReport } from './ImportReport.tsx';
import { rememberedDocumentId } from './rememberedDocument.ts';
import { nextTagColor, type PickerChoice } from './codebook.ts';
import { tagQuote, withAnnotation } from './tagging.ts';
import { useImport, type ImportRequest } from './useImport.ts';
import { useOpenDocument } from './useOpenDocument.ts';
import type { Quote } from './editor/ranges.ts';

export function App() {
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [tags, setTags] = useState<Tag[]>([]);
  const [sources, setSources] = useState<DocumentSource[]>([]);
  const [filter, setFilter] = useState<LibraryFilter>(rememberedFilter);
  const [filterError, setFilterError] = useState<string | null>(null);
  const latestRefresh = useRef(0);
  const [openId, setOpenId] = useState<number | null>(rememberedDocumentId);
  const [message, setMessage] = useState<string | null>(null);
  const documentView = useRef<DocumentViewHandle>(null);

  const report = useCallback((error: unknown) => setMessage(asExcerptError(error).message), []);

  const { open, setOpen, annotations, setAnnotations, reviewItems, setReviewItems, reload } = useOpenDocument(openId, (error) => {
    report(error);
    setOpenId(null);
  });

  useEffect(() => rememberFilter(filter), [filter]);

  const refreshLibrary = useCallback(async () => {
    // Answers arrive late; only the newest request's fits the filters shown.
    const request = ++latestRefresh.current;
    // A range out of order is said next to the dates, and the list stays as it was.
    const problem = rangeProblem(filter);
    try {
      const [docs, codebook, named] = await Promise.all([
        problem ? null : api.listDocuments(filter), api.listTags({}), api.listSources({}),
      ]);
      if (request !== latestRefresh.current) return;
      if (docs) setDocuments(docs);
      setTags(codebook);
      setSources(named);
      setFilterError(problem);
    } catch (error) {
      if (request === latestRefresh.current) report(error);
    }
  }, [report, filter]);

  // Another window or the command line may change the library: follow it.
  useEffect(() => {
    void refreshLibrary();
    return onLibraryEvent('libraryChanged', () => {
      void refreshLibrary();
      reload();
    });
  }, [refreshLibrary, reload]);

  const imports = useImport(() => {
    void refreshLibrary();
    // A new revision of the open document brings new text and a review list.
    reload();
  });
  const importing = imports.underWay?.cancellable ?? false;
  const startImport = useCallback((request: ImportRequest) => {
    void imports.start(request).then((started) => {
      if (!started) setMessage('An import is under way. Wait for it to finish, then import more files.');
    }, report);
  }, [imports.start, report]);

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

  const discard = (item: ReviewItem) =>
    change(async () => {
      await api.discardReviewItem({ id: item.id });
      setReviewItems((list) => (list ?? []).filter((i) => i.id !== item.id));
    });

  // The form shows the library's refusal next to its field, so errors go back to it.
  const saveDetails = async (changes: DetailsChanges) => {
    if (!open) return;
    const document = await api.updateDocument({ id: open.document.id, ...changes });
    setOpen((current) => (current && current.document.id === document.id ? { document, node: current.node } : current));
    void refreshLibrary();
  };

  return (
    <div className="app">
      <LibraryList
        documents={documents}
        openId={openId}
        onOpen={setOpenId}
        filters={<LibraryFilters filter={filter} tags={tags} sources={sources} error={filterError} onChange={setFilter} />}
        filtered={isFiltered(filter)}
        onClearFilters={() => setFilter({})}
        importing={
          <>
            <ImportButtons busy={importing} onImport={startImport} />
            {imports.underWay && <ImportProgress progress={imports.underWay} onCancel={imports.cancel} />}
          </>
        }
      />
      <main className="reading">
        {open ? (
          <DocumentView
            key={open.document.id}
            ref={documentView}
            open={open}
            annotations={annotations ?? []}
            tags={tags}
            onTag={(q, c) => void tagPassage(q, c)}
            onSaveDetails={saveDetails}
          />
        ) : (
          <p className="empty-note reading-empty">{openId === null ? 'Choose a document from the library to read and tag it.' : 'Opening…'}</p>
        )}
      </main>
      <AnnotationList
        annotations={open ? annotations : null}
        reviewItems={open ? reviewItems : null}
        tags={tags}
        onShow={(a) => documentView.current?.showAnnotation(a)}
        onDelete={(a) => void remove(a)}
        onRemoveTag={(a, tagId) => void update(a, { tagIds: a.tagIds.filter((id) => id !== tagId) })}
        onNote={(a, note) => void update(a, { note })}
        onDiscard={(item) => void discard(item)}
      />
      <ImportDropZone busy={importing} onImport={startImport} onError={report} />
      {imports.report && <ImportReport report={imports.report} onOpen={setOpenId} onClose={imports.closeReport} />}
      <MessageBar message={message} onDismiss={() => setMessage(null)} />
    </div>
  );
}
