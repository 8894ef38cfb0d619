/// Saves what the analyst does in the open document: the editor state is the truth while the
/// document is open, and the saver sends the library what changed since the last save, text
/// and highlights together (saveDocumentEdits: one SQL transaction). Coding actions are saved
/// at once, text edits after a pause in typing; one save runs at a time. Each goes, when it can,
/// in a call that outlives the page, so that a reload or a closed tab does not cut it off.
import type { EditorState } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import type { ArgsIn } from '../../common/api.ts';
import type { DocumentEditsSaved, TextHighlight } from '../../common/types.ts';
import { posToOffset, textBlocks } from '../../common/text.ts';
import { codingState } from './editor/coding.ts';

type SaveArgs = ArgsIn<'saveDocumentEdits'>;

/// Where the open document's edits stand, as the document's header tells the analyst: all in
/// the library, typed and waiting for the pause, on their way, or refused by the latest save.
export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'failed';

export interface SaverOptions {
  documentId: number;
  /// contentHash of the stored text, which `savedDoc` shows.
  baseHash: string;
  savedDoc: Node;
  /// The document's placed highlights as stored.
  saved: readonly TextHighlight[];
  save: (args: SaveArgs) => Promise<DocumentEditsSaved>;
  /// Sends a save in a call that reaches the library even if the page goes a moment later;
  /// null when the save is too large to go that way (it then goes by `save`).
  saveOutlivingPage?: (args: SaveArgs) => Promise<DocumentEditsSaved> | null;
  onSaved: (result: DocumentEditsSaved, doc: Node) => void;
  onError: (error: unknown) => void;
  /// Told each time the status may have changed (the same status again, too).
  onStatus?: (status: SaveStatus) => void;
}

interface SavedHighlight {
  start: number;
  end: number;
  tagIds: readonly number[];
  note: string;
}

const TYPING_PAUSE = 400; // ms

// Saves completed in this window, whatever the document: a load that overlapped one may
// bring the library as it was before it, and is dropped (useOpenDocument.ts).
let completedSaves = 0;
export function savesCompleted(): number {
  return completedSaves;
}

export class DocumentSaver {
  private baseHash: string;
  private savedDoc: Node;
  /// By annotation id: each placed highlight as the library holds it.
  private saved = new Map<number, SavedHighlight>();
  /// The ids the library gave highlights made in this session (negative keys).
  private idOfKey = new Map<number, number>();
  private keyOfId = new Map<number, number>();
  /// Ids the library no longer holds (removed, discarded): a key coming back gets a new one.
  private gone = new Set<number>();
  /// Every text this session saw stored: a document arriving with one of these is not newer.
  private knownHashes = new Set<string>();
  private latest: EditorState | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  /// The editor state the running save carries, and whether it outlives the page.
  private sending: EditorState | null = null;
  private sendingOutlivesPage = false;
  /// Why the latest save failed; null once one succeeds.
  private failure: unknown = null;

  constructor(private readonly options: SaverOptions) {
    this.baseHash = options.baseHash;
    this.savedDoc = options.savedDoc;
    this.adopt(options.saved, options.baseHash);
  }

  /// Whether `hash` names a text this session loaded or saved.
  knows(hash: string): boolean {
    return this.knownHashes.has(hash);
  }

  /// The editor changed: a coding action is saved at once, a text edit after a pause.
  changed(state: EditorState): void {
    this.latest = state;
    if (this.timer) clearTimeout(this.timer);
    const delay = state.doc === this.savedDoc ? 0 : TYPING_PAUSE;
    this.timer = setTimeout(() => void this.flush(), delay);
    this.options.onStatus?.('unsaved');
  }

  /// Saves now whatever is unsaved; resolves when the library holds it (or refused it).
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.running) await this.running;
    const state = this.latest;
    if (!state) return;
    const edits = this.editsSince(state);
    if (!edits) return;
    const outliving = this.outlivingPage(edits);
    this.start(state, edits, outliving ?? this.options.save({ ...edits, baseHash: this.baseHash }), outliving !== null);
    await this.running;
    // Changes made while that save ran go in the next one.
    if (this.latest !== state) await this.flush();
  }

  /// The page is going away: sends whatever is unsaved in a call that outlives it, without
  /// waiting for answers. False when something may stay unsaved: the running save may be cut
  /// off, or edits came after it (the next save needs its answer), the save is too large for
  /// such a call, or the latest save failed (it would likely fail again).
  saveAsPageCloses(): boolean {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.running) return this.sendingOutlivesPage && this.sending === this.latest && this.failure === null;
    const state = this.latest;
    const edits = state && this.editsSince(state);
    if (!state || !edits) return true;
    const outliving = this.outlivingPage(edits);
    if (!outliving) return false;
    const failedBefore = this.failure !== null;
    this.start(state, edits, outliving, true);
    return !failedBefore;
  }

  /// Why the latest save failed, while its edits stay unsaved; null when it succeeded.
  lastFailure(): unknown {
    return this.failure;
  }

  /// Whether the editor holds anything the library does not (or a save is under way).
  pending(): boolean {
    return this.running !== null || this.timer !== null || (this.latest !== null && this.editsSince(this.latest) !== null);
  }

  /// The library's highlights after a save, taken as saved.
  private adopt(annotations: readonly TextHighlight[], baseHash: string): void {
    this.baseHash = baseHash;
    this.knownHashes.add(baseHash);
    this.saved = new Map(annotations.map((a) => [a.id, savedHighlight(a)]));
  }

  /// The highlights of `list` (the library's placed highlights, read after this window's
  /// latest save and when nothing here waited to be saved) that differ from what this session
  /// holds as saved, or that it never held: changed or added outside the editor (a merged tag,
  /// another window, the command line).
  changedElsewhere(list: readonly TextHighlight[]): TextHighlight[] {
    return list.filter((a) => {
      const before = this.saved.get(a.id);
      return !this.gone.has(a.id) && (!before || !same(before, savedHighlight(a)));
    });
  }

  /// Highlights changed or added outside the editor, taken as saved.
  takeIn(annotations: readonly TextHighlight[]): void {
    for (const a of annotations) this.saved.set(a.id, savedHighlight(a));
  }

  /// Highlights this session holds as saved that `list` (the library's placed highlights,
  /// read when nothing here waited to be saved) lacks: deleted elsewhere. They are forgotten,
  /// so no save names them again; their ids are returned.
  deletedElsewhere(list: readonly TextHighlight[]): number[] {
    const listed = new Set(list.map((a) => a.id));
    const deleted = [...this.saved.keys()].filter((id) => !listed.has(id));
    for (const id of deleted) {
      this.saved.delete(id);
      this.gone.add(id);
    }
    return deleted;
  }

  /// The editor's key for a stored highlight: the provisional key it was made under in this
  /// session (undo steps name it so), else its id.
  keyOf(id: number): number {
    return this.keyOfId.get(id) ?? id;
  }

  /// A review item was discarded: its id is gone for good.
  forget(id: number): void {
    this.gone.add(id);
  }

  private idOf(key: number): number | undefined {
    const id = key > 0 ? key : this.idOfKey.get(key);
    return id === undefined || this.gone.has(id) ? undefined : id;
  }

  /// What to send for `state`, or null when the library already holds it.
  private editsSince(state: EditorState): Omit<SaveArgs, 'baseHash'> | null {
    const textChanged = state.doc !== this.savedDoc && !state.doc.eq(this.savedDoc);
    const blocks = textBlocks(state.doc);
    const { highlights, deletedByEdit } = codingState(state);
    const present = new Set<number>();
    const changed: NonNullable<SaveArgs['highlights']> = [];
    for (const highlight of highlights.values()) {
      const id = this.idOf(highlight.key);
      if (id !== undefined) present.add(id);
      const now = { start: posToOffset(blocks, highlight.from), end: posToOffset(blocks, highlight.to), tagIds: sorted(highlight.tagIds), note: highlight.note };
      const before = id === undefined ? undefined : this.saved.get(id);
      // With new text every placed highlight is sent: its offsets count into that text.
      if (textChanged || !before || !same(before, now)) changed.push({ key: String(highlight.key), ...(id !== undefined && { id }), ...now, tagIds: [...now.tagIds] });
    }
    const removed: number[] = [];
    const toReview: number[] = [];
    const deletedIds = new Set([...deletedByEdit.keys()].map((key) => this.idOf(key)));
    for (const id of this.saved.keys()) {
      if (!present.has(id)) (deletedIds.has(id) ? toReview : removed).push(id);
    }
    if (!textChanged && changed.length === 0 && removed.length === 0 && toReview.length === 0) return null;
    return {
      documentId: this.options.documentId,
      ...(textChanged && { doc: state.doc.toJSON() as SaveArgs['doc'] }),
      highlights: changed,
      removed,
      toReview,
    };
  }

  private outlivingPage(edits: Omit<SaveArgs, 'baseHash'>): Promise<DocumentEditsSaved> | null {
    return this.options.saveOutlivingPage?.({ ...edits, baseHash: this.baseHash }) ?? null;
  }

  /// Takes in the answer to `request`, the save of `state`'s `edits`, as the running save.
  private start(state: EditorState, edits: Omit<SaveArgs, 'baseHash'>, request: Promise<DocumentEditsSaved>, outlivesPage: boolean): void {
    this.sending = state;
    this.sendingOutlivesPage = outlivesPage;
    this.running = this.receive(edits, state.doc, request).finally(() => {
      this.running = null;
      this.sending = null;
      this.options.onStatus?.(this.failure !== null ? 'failed' : this.pending() ? 'unsaved' : 'saved');
    });
    this.options.onStatus?.('saving');
  }

  private async receive(edits: Omit<SaveArgs, 'baseHash'>, doc: Node, request: Promise<DocumentEditsSaved>): Promise<void> {
    try {
      const result = await request;
      for (const { key, id } of result.saved) {
        if (Number(key) >= 0) continue;
        this.idOfKey.set(Number(key), id);
        this.keyOfId.set(id, Number(key));
      }
      for (const id of edits.removed ?? []) this.gone.add(id);
      completedSaves++;
      this.savedDoc = doc;
      this.adopt(result.annotations, result.document.contentHash);
      this.failure = null;
      this.options.onSaved(result, doc);
    } catch (error) {
      this.failure = error;
      this.options.onError(error);
    }
  }
}

function savedHighlight(a: TextHighlight): SavedHighlight {
  return { start: a.start, end: a.end, tagIds: sorted(a.tagIds), note: a.note };
}

/// The ids in ascending order (the library sends them so: then they are taken as they are).
function sorted(ids: readonly number[]): readonly number[] {
  for (let i = 1; i < ids.length; i++) if (ids[i - 1]! > ids[i]!) return [...ids].sort((a, b) => a - b);
  return ids;
}

function same(a: SavedHighlight, b: SavedHighlight): boolean {
  return a.start === b.start && a.end === b.end && a.note === b.note && a.tagIds.length === b.tagIds.length && a.tagIds.every((id, i) => id === b.tagIds[i]);
}
