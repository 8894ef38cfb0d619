/// The app shell: library on the left, the open document in the middle (or in its place the
/// excerpts view, across the library), its highlights on the right, a message bar for whatever
/// went wrong, and importing by button or by drop.
import { useCallback, useDeferredValue, useEffect, useRef, useState } from 'react';
import type { Node } from 'prosemirror-model';
import type { DocumentEditsSaved, DocumentSource, DocumentSummary, ReviewItem, ReviewSummary, Tag, TextHighlight } from '../../common/types.ts';
import { asExcerptError } from '../../common/client.ts';
import { api, onLibraryEvent } from './api.ts';
import { LibraryList } from './LibraryList.tsx';
import { LibraryFilters } from './LibraryFilters.tsx';
import { SearchBox, SearchHits, useLibrarySearch } from './LibrarySearch.tsx';
import { isFiltered, rangeProblem, rememberedFilter, rememberFilter, type LibraryFilter } from './libraryFilter.ts';
import { DocumentView, type DocumentViewHandle } from './DocumentView.tsx';
import type { DetailsChanges } from './DocumentDetails.tsx';
import { AnnotationList } from './AnnotationList.tsx';
import { Sidebar } from './Sidebar.tsx';
import { CodebookPanel } from './CodebookPanel.tsx';
import { useTagUses } from './useTagUses.ts';
import { MessageBar } from './MessageBar.tsx';
import { ImportButtons } from './ImportButtons.tsx';
import { ImportDropZone } from './ImportDropZone.tsx';
import { ImportProgress } from './ImportProgress.tsx';
import { ImportReport } from './ImportReport.tsx';
import { rememberedDocumentId } from './rememberedDocument.ts';
import { inReadingOrder } from './readingOrder.ts';
import { ensureTagPath } from './tagPath.ts';
import { ShortcutSheet } from './ShortcutSheet.tsx';
import { ExportDialog, type ExportScope } from './ExportDialog.tsx';
import { BackupDialog } from './BackupDialog.tsx';
import { ExcerptsView } from './excerpts/ExcerptsView.tsx';
import type { Reveal } from './showPassage.ts';
import { importExchangeFiles } from './importExchangeFiles.ts';
import { isExchangeFile } from '../../common/exchangeFiles.ts';
import { useAppKeys } from './useAppKeys.ts';
import { useImport, type ImportRequest } from './useImport.ts';
import { useOpenDocument } from './useOpenDocument.ts';
import { savesCompleted } from './documentSaver.ts';

export function App() {
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [tags, setTags] = useState<Tag[]>([]);
  const [sources, setSources] = useState<DocumentSource[]>([]);
  const [reviewSummary, setReviewSummary] = useState<ReviewSummary | null>(null);
  const [filter, setFilter] = useState<LibraryFilter>(rememberedFilter);
  const [filterError, setFilterError] = useState<string | null>(null);
  const latestRefresh = useRef(0);
  const [openId, setOpenId] = useState<number | null>(rememberedDocumentId);
  const [message, setMessage] = useState<string | null>(null);
  const documentView = useRef<DocumentViewHandle>(null);
  const [recentTagIds, setRecentTagIds] = useState<number[]>([]);
  const [showingShortcuts, setShowingShortcuts] = useState(false);
  /// The export dialog, with the part of the library it offers first (null: the whole library).
  const [exporting, setExporting] = useState<{ scope: ExportScope | null } | null>(null);
  const [showingBackups, setShowingBackups] = useState(false);
  /// Whether the excerpts view stands in place of the document, and whether it was ever shown
  /// (from then on it stays mounted, so its query is still there when the analyst comes back).
  const [showingExcerpts, setShowingExcerpts] = useState(false);
  const [excerptsOpened, setExcerptsOpened] = useState(false);
  /// Counts the library's changes, for the views that ask it again when it changes.
  const [libraryVersion, setLibraryVersion] = useState(0);
  /// Restores seen: part of the open document's key, so a restore makes its editor again.
  const [restores, setRestores] = useState(0);
  const [searchQuery, setSearchQuery] = useState('');
  /// Where a search hit or an excerpt asked to show the document it opened.
  const [reveal, setReveal] = useState<{ id: number; at: Reveal } | null>(null);
  const searched = useLibrarySearch(searchQuery);

  const report = useCallback((error: unknown) => setMessage(asExcerptError(error).message), []);

  const { open, setOpen, annotations, setAnnotations, annotationsAsOf, setAnnotationsAsOf, reviewItems, setReviewItems, reload } = useOpenDocument(openId, (error) => {
    report(error);
    setOpenId(null);
  });
  const [codebookShown, setCodebookShown] = useState(false);
  const tagUses = useTagUses(open?.document.id ?? null, tags, annotations, report, codebookShown);

  useEffect(() => rememberFilter(filter), [filter]);

  const refreshLibrary = useCallback(async () => {
    // Answers arrive late; only the newest request's fits the filters shown.
    const request = ++latestRefresh.current;
    // A range out of order is said next to the dates, and the list stays as it was.
    const problem = rangeProblem(filter);
    try {
      const [docs, codebook, named, waiting] = await Promise.all([
        problem ? null : api.listDocuments(filter), api.listTags({}), api.listSources({}), api.reviewSummary({}),
      ]);
      if (request !== latestRefresh.current) return;
      if (docs) setDocuments(docs);
      setTags(codebook);
      setSources(named);
      setReviewSummary(waiting);
      setFilterError(problem);
    } catch (error) {
      if (request === latestRefresh.current) report(error);
    }
  }, [report, filter]);

  // Another window or the command line may change the library: follow it.
  useEffect(() => {
    void refreshLibrary();
    return onLibraryEvent('libraryChanged', ({ reason }) => {
      setLibraryVersion((version) => version + 1);
      // A restore replaces the texts: the open document's editor is made again, not kept (it
      // would take a restored text it saw earlier this session for its own).
      if (reason === 'restore') setRestores((count) => count + 1);
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
    const exchanged = request.picked.filter((item) => isExchangeFile(item.name));
    if (exchanged.length > 0) void importExchangeFiles(exchanged).then(setMessage, report);
    const documents = { ...request, picked: request.picked.filter((item) => !isExchangeFile(item.name)) };
    if (documents.picked.length === 0 && documents.unreadable.length === 0) return;
    void imports.start(documents).then((started) => {
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

  // Coding actions from the sidebar go through the editor, so that undo covers them.
  const update = (annotation: TextHighlight, changes: { tagIds?: number[]; note?: string }) =>
    documentView.current?.changeHighlight(annotation.id, changes);
  const remove = (annotation: TextHighlight) => documentView.current?.removeHighlight(annotation.id);
  const reattach = (item: ReviewItem) => {
    if (!documentView.current?.reattach(item)) {
      setMessage('Select the passage in the text where this highlight belongs, then choose “Re-attach to selection”.');
    }
  };

  const discard = (item: ReviewItem) =>
    change(async () => {
      await api.discardReviewItem({ id: item.id });
      documentView.current?.forget(item.id);
      setReviewItems((list) => (list ?? []).filter((i) => i.id !== item.id));
    });

  const tagUsed = useCallback((tagId: number) => setRecentTagIds((ids) => [tagId, ...ids.filter((id) => id !== tagId)].slice(0, 10)), []);

  const createTag = async (path: string) => {
    const { tag, created } = await ensureTagPath(api, tags, path);
    if (created.length > 0) setTags((list) => [...list, ...created]);
    void refreshLibrary();
    return tag;
  };

  // The library now holds what the editor did (`doc`, the text saved): the sidebar and the
  // counts follow.
  const saved = (result: DocumentEditsSaved, doc: Node) => {
    setOpen((current) => (current && current.document.id === result.document.id ? { document: result.document, node: doc } : current));
    setAnnotations(inReadingOrder(result.annotations));
    setAnnotationsAsOf(savesCompleted());
    setReviewItems(result.reviewItems);
    void refreshLibrary();
  };

  const showExcerpts = (shown: boolean) => {
    setShowingExcerpts(shown);
    if (shown) setExcerptsOpened(true);
  };

  useAppKeys({
    showShortcuts: () => setShowingShortcuts(true),
    toggleExcerpts: () => showExcerpts(!showingExcerpts),
    openNeighbour: (step) => {
      if (!documents || documents.length === 0) return;
      const index = documents.findIndex((d) => d.id === openId);
      const next = documents[Math.max(0, Math.min(documents.length - 1, index < 0 ? 0 : index + step))];
      if (next) setOpenId(next.id);
    },
  });

  // The form shows the library's refusal next to its field, so errors go back to it.
  const saveDetails = async (changes: DetailsChanges) => {
    if (!open) return;
    const document = await api.updateDocument({ id: open.document.id, ...changes });
    setOpen((current) => (current && current.document.id === document.id ? { document, node: current.node } : current));
    void refreshLibrary();
  };

  // A filtered library list offers its documents to the export first.
  const listedScope: ExportScope | null = isFiltered(filter) && documents
    ? { label: `the ${documents.length === 1 ? 'document' : `${documents.length} documents`} the library list shows`, filter: { documentIds: documents.map((d) => d.id) } }
    : null;

  // The highlights list beside the text renders after the text has shown: with thousands of
  // highlights a document opens a good moment sooner.
  const listedOpen = useDeferredValue(open);
  const listedAnnotations = useDeferredValue(annotations);
  const listedReviewItems = useDeferredValue(reviewItems);

  return (
    <div className="app">
      <LibraryList
        documents={documents}
        openId={openId}
        onOpen={setOpenId}
        search={<SearchBox query={searchQuery} onQuery={setSearchQuery} found={searched} />}
        found={searchQuery.trim() === '' ? null : <SearchHits hits={searched.hits ?? []} onOpen={(id, passage) => {
          setOpenId(id);
          setReveal(passage === null ? null : { id, at: { passage } });
          showExcerpts(false);
        }} />}
        filters={<LibraryFilters filter={filter} tags={tags} sources={sources} review={reviewSummary} error={filterError} onChange={setFilter} />}
        filtered={isFiltered(filter)}
        onClearFilters={() => setFilter({})}
        importing={
          <>
            <ImportButtons busy={importing} onImport={startImport} />
            <button type="button" className="quiet-button export-button" onClick={() => setExporting({ scope: listedScope })}>
              Export…
            </button>
            <button type="button" className="quiet-button backups-button" onClick={() => setShowingBackups(true)}>
              Backups…
            </button>
            <button type="button" className="quiet-button excerpts-button" aria-pressed={showingExcerpts} onClick={() => showExcerpts(!showingExcerpts)}>
              Excerpts
            </button>
            {imports.underWay && <ImportProgress progress={imports.underWay} onCancel={imports.cancel} />}
          </>
        }
      />
      <main className="reading">
        {excerptsOpened && (
          <div className="excerpts-place" hidden={!showingExcerpts}>
            <ExcerptsView
              shown={showingExcerpts}
              tags={tags}
              sources={sources}
              libraryVersion={libraryVersion}
              onOpen={(excerpt) => {
                setOpenId(excerpt.documentId);
                setReveal({ id: excerpt.documentId, at: { highlightId: excerpt.id } });
                showExcerpts(false);
              }}
              onExport={(query, total) => setExporting({ scope: { label: `the ${total === 1 ? 'excerpt' : `${total.toLocaleString('en')} excerpts`} this query finds`, filter: query } })}
              onClose={() => showExcerpts(false)}
              onError={report}
            />
          </div>
        )}
        <div className="document-place" hidden={showingExcerpts}>
          {open ? (
            <DocumentView
              key={`${open.document.id}:${restores}`}
              ref={documentView}
              open={open}
              annotations={annotations ?? []}
              annotationsAsOf={annotationsAsOf}
              tags={tags}
              recentTagIds={recentTagIds}
              onTagUsed={tagUsed}
              onCreateTag={createTag}
              onSaved={saved}
              onError={report}
              onSaveDetails={saveDetails}
              reveal={reveal?.id === open.document.id ? reveal.at : null}
            />
          ) : (
            <p className="empty-note reading-empty">{openId === null ? 'Choose a document from the library to read and tag it.' : 'Opening…'}</p>
          )}
        </div>
      </main>
      <Sidebar
        onShow={(tab) => setCodebookShown(tab === 'codebook')}
        highlights={
          <AnnotationList
            key={listedOpen?.document.id ?? 'none'}
            annotations={listedOpen ? listedAnnotations : null}
            text={listedOpen?.node ?? null}
            reviewItems={listedOpen ? listedReviewItems : null}
            tags={tags}
            onShow={(a) => documentView.current?.showAnnotation(a)}
            onDelete={(a) => void remove(a)}
            onRemoveTag={(a, tagId) => void update(a, { tagIds: a.tagIds.filter((id) => id !== tagId) })}
            onNote={(a, note) => void update(a, { note })}
            onDiscard={(item) => void discard(item)}
            onReattach={reattach}
          />
        }
        codebook={
          <CodebookPanel
            tags={tags}
            uses={tagUses}
            documentOpen={open !== null}
            onChanged={() => {
              void refreshLibrary();
              // A merge or a delete changes the tags the open document's highlights carry.
              reload();
            }}
          />
        }
      />
      <ImportDropZone busy={importing} onImport={startImport} onError={report} />
      {imports.report && <ImportReport report={imports.report} onOpen={setOpenId} onClose={imports.closeReport} />}
      {showingShortcuts && <ShortcutSheet tags={tags} onClose={() => setShowingShortcuts(false)} />}
      {exporting && (
        <ExportDialog
          scope={exporting.scope}
          onSaved={(where) => setMessage(`Excerpts exported: ${where}`)}
          onClose={() => setExporting(null)}
        />
      )}
      {showingBackups && <BackupDialog onRestored={setMessage} onClose={() => setShowingBackups(false)} />}
      <MessageBar message={message} onDismiss={() => setMessage(null)} />
    </div>
  );
}
