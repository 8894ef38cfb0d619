/// The codebook panel: the tags as a tree (colour, name, shortcut key, how many highlights
/// carry each here and in the library), with a way to create, edit, rename, move, merge and
/// delete them. The tree is a keyboard tree (arrows, Home, End; Enter edits, F2 renames,
/// Delete deletes, Alt+arrows move) and tags move by drag and drop too.
import { useEffect, useId, useMemo, useRef, useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { Tag, TagUse } from '../../common/types.ts';
import { asExcerptError } from '../../common/client.ts';
import { api } from './api.ts';
import { nextTagColor } from './codebook.ts';
import {
  buildTagTree, dropMove, dropPlacement, keyboardMove, moveToTopLevel, subtreeIds, visibleRows,
  type DropPlacement, type KeyboardMove, type TagMove, type TagNode,
} from './codebookTree.ts';
import { TagEntryForm, type TagEntry } from './TagEntryForm.tsx';
import { DeleteTagDialog } from './DeleteTagDialog.tsx';
import { MergeTagDialog } from './MergeTagDialog.tsx';
import { RenameField } from './TagRenameField.tsx';

interface CodebookPanelProps {
  tags: readonly Tag[];
  /// Highlights per tag (null until counted).
  uses: ReadonlyMap<number, TagUse> | null;
  /// Whether a document is open, so that "here" means something.
  documentOpen: boolean;
  /// Called after every change to the codebook, so the app reloads it and its counts.
  onChanged: () => void;
}

type FormState = { kind: 'new'; parentId: number | null } | { kind: 'edit'; id: number };
type DialogState = { kind: 'delete' | 'merge'; id: number };
type DropTarget = { id: number; placement: DropPlacement } | { id: 'top' };

const DRAG_TYPE = 'application/x-excerpt-tag';

const altMoves: Partial<Record<string, KeyboardMove>> = { ArrowUp: 'up', ArrowDown: 'down', ArrowRight: 'indent', ArrowLeft: 'outdent' };

export function CodebookPanel({ tags, uses, documentOpen, onChanged }: CodebookPanelProps) {
  const baseId = useId();
  const panel = useRef<HTMLElement>(null);
  const tree = useMemo(() => buildTagTree(tags), [tags]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const [activeId, setActiveId] = useState<number | null>(null);
  const [form, setForm] = useState<FormState | null>(null);
  const [renamingId, setRenamingId] = useState<number | null>(null);
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // The tag being dragged: a ref for the drag events, a state for what the panel shows.
  const dragged = useRef<number | null>(null);
  const [dragging, setDragging] = useState(false);
  const [dropTarget, setDropTarget] = useState<DropTarget | null>(null);
  // A row to focus once it is shown: at once, or (`after` given) when a codebook newer than
  // `after` arrives, since a moved or new tag is only in its place after the app reloads.
  const pendingFocus = useRef<{ id: number; after: readonly Tag[] | null } | null>(null);

  const rows = useMemo(() => visibleRows(tree.roots, collapsed), [tree, collapsed]);
  const active = activeId === null ? undefined : tree.byId.get(activeId);
  // The one row reachable with Tab: the selected tag when it is shown, else the first.
  const tabStop = active && rows.includes(active) ? active.tag.id : rows[0]?.tag.id;
  const rowId = (id: number) => `${baseId}-tag-${id}`;

  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending || (pending.after !== null && pending.after === tags)) return;
    const element = document.getElementById(rowId(pending.id));
    if (!element) return;
    pendingFocus.current = null;
    setActiveId(pending.id);
    // Only when the analyst was in the panel (or the focus was lost with a removed row).
    const focused = document.activeElement;
    if (focused === null || focused === document.body || panel.current?.contains(focused)) element.focus();
  });

  const focusRow = (id: number | undefined) => {
    if (id === undefined) return;
    setActiveId(id);
    document.getElementById(rowId(id))?.focus();
  };
  const focusLater = (id: number, afterReload: boolean) => {
    pendingFocus.current = { id, after: afterReload ? tags : null };
  };

  // Moves a tag; the library's refusal (under its own sub-tag, a name taken there) shows above the tree.
  const move = async (tagMove: TagMove | null) => {
    if (!tagMove) return;
    setProblem(null);
    if (tagMove.parentId !== null) setCollapsed((set) => without(set, tagMove.parentId!));
    try {
      await api.updateTag(tagMove);
      focusLater(tagMove.id, true);
      onChanged();
    } catch (error) {
      setProblem(asExcerptError(error).message);
    }
  };

  const toggle = (node: TagNode) => setCollapsed((set) => (set.has(node.tag.id) ? without(set, node.tag.id) : new Set(set).add(node.tag.id)));

  const onTreeKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const item = event.target as HTMLElement;
    if (item.getAttribute('role') !== 'treeitem') return;
    const node = tree.byId.get(Number(item.dataset.tagId));
    // Alt+Shift+arrows and modified keys belong to the window, not the tree.
    if (!node || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const index = rows.indexOf(node);
    const expanded = node.children.length > 0 && !collapsed.has(node.tag.id);
    if (event.altKey) {
      const direction = altMoves[event.key];
      if (!direction) return;
      event.preventDefault();
      void move(keyboardMove(tree, node.tag.id, direction));
      return;
    }
    switch (event.key) {
      case 'ArrowDown':
        focusRow(rows[index + 1]?.tag.id);
        break;
      case 'ArrowUp':
        focusRow(rows[index - 1]?.tag.id);
        break;
      case 'Home':
        focusRow(rows[0]?.tag.id);
        break;
      case 'End':
        focusRow(rows.at(-1)?.tag.id);
        break;
      case 'ArrowRight':
        if (expanded) focusRow(node.children[0]?.tag.id);
        else if (node.children.length > 0) toggle(node);
        break;
      case 'ArrowLeft':
        if (expanded) toggle(node);
        else focusRow(node.parentId ?? undefined);
        break;
      case 'Enter':
        setForm({ kind: 'edit', id: node.tag.id });
        break;
      case 'F2':
        setRenamingId(node.tag.id);
        break;
      // Backspace too: a Mac keyboard has no Delete key.
      case 'Delete':
      case 'Backspace':
        setDialog({ kind: 'delete', id: node.tag.id });
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const endDrag = () => {
    dragged.current = null;
    setDragging(false);
    setDropTarget(null);
  };

  const onDragOver = (event: DragEvent, node: TagNode) => {
    if (dragged.current === null || dragged.current === node.tag.id) return;
    const rect = event.currentTarget.getBoundingClientRect();
    const placement = dropPlacement(event.clientY - rect.top, rect.height);
    if (!dropMove(tree, dragged.current, node.tag.id, placement)) {
      setDropTarget(null);
      return;
    }
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    setDropTarget((current) => (current?.id === node.tag.id && 'placement' in current && current.placement === placement ? current : { id: node.tag.id, placement }));
  };

  const onDrop = (event: DragEvent, target: TagNode | 'top') => {
    event.preventDefault();
    const id = dragged.current;
    endDrag();
    if (id === null) return;
    if (target === 'top') return void move(moveToTopLevel(tree, id));
    const rect = event.currentTarget.getBoundingClientRect();
    void move(dropMove(tree, id, target.tag.id, dropPlacement(event.clientY - rect.top, rect.height)));
  };

  const counts = (tag: Tag) => {
    const use = uses?.get(tag.id);
    if (!use) return null;
    return documentOpen ? `${use.inDocument} here · ${use.inLibrary} in library` : `${use.inLibrary} in library`;
  };

  const renderNode = (node: TagNode): ReactNode => {
    const { tag } = node;
    const hasChildren = node.children.length > 0;
    const expanded = hasChildren && !collapsed.has(tag.id);
    const drop = dropTarget && dropTarget.id === tag.id && 'placement' in dropTarget ? ` codebook-drop-${dropTarget.placement}` : '';
    const used = counts(tag);
    return (
      <li
        key={tag.id}
        id={rowId(tag.id)}
        role="treeitem"
        className="codebook-item"
        data-tag-id={tag.id}
        aria-label={tag.name}
        aria-level={node.depth + 1}
        aria-expanded={hasChildren ? expanded : undefined}
        aria-selected={tag.id === active?.tag.id}
        aria-describedby={`${rowId(tag.id)}-details`}
        tabIndex={tag.id === tabStop ? 0 : -1}
        onFocus={(event) => {
          if (event.target === event.currentTarget) setActiveId(tag.id);
        }}
      >
        <div
          className={`codebook-row${drop}`}
          draggable={renamingId !== tag.id}
          onDoubleClick={() => setForm({ kind: 'edit', id: tag.id })}
          onDragStart={(event) => {
            dragged.current = tag.id;
            setDragging(true);
            setProblem(null);
            event.dataTransfer.setData(DRAG_TYPE, String(tag.id));
            event.dataTransfer.effectAllowed = 'move';
          }}
          onDragOver={(event) => onDragOver(event, node)}
          onDragLeave={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropTarget((t) => (t?.id === tag.id ? null : t));
          }}
          onDrop={(event) => onDrop(event, node)}
          onDragEnd={endDrag}
        >
          <span
            className={`codebook-toggle${hasChildren ? '' : ' codebook-toggle-none'}`}
            aria-hidden="true"
            onClick={() => hasChildren && toggle(node)}
          >
            {hasChildren ? (expanded ? '▾' : '▸') : ''}
          </span>
          <span className="tag-swatch" style={{ backgroundColor: tag.color }} aria-hidden="true" />
          {renamingId === tag.id ? (
            <RenameField
              tag={tag}
              onSave={async (name) => {
                await api.updateTag({ id: tag.id, name });
                setRenamingId(null);
                focusLater(tag.id, true);
                onChanged();
              }}
              onCancel={() => {
                setRenamingId(null);
                focusLater(tag.id, false);
              }}
            />
          ) : (
            <span className="codebook-name">{tag.name}</span>
          )}
          <span id={`${rowId(tag.id)}-details`} className="codebook-details">
            {tag.shortcut !== null && (
              <span className="codebook-shortcut">
                <span className="visually-hidden">Shortcut </span>
                <kbd>{tag.shortcut}</kbd>
              </span>
            )}
            {used !== null && <span className="codebook-counts">{used}</span>}
          </span>
        </div>
        {expanded && <ul role="group">{node.children.map(renderNode)}</ul>}
      </li>
    );
  };

  const saveEntry = (state: FormState) => async (entry: TagEntry) => {
    const tag = state.kind === 'new' ? await api.createTag({ ...entry, parentId: state.parentId }) : await api.updateTag({ id: state.id, ...entry });
    if (state.kind === 'new' && state.parentId !== null) setCollapsed((set) => without(set, state.parentId!));
    setForm(null);
    focusLater(tag.id, true);
    onChanged();
  };

  const closeForm = () => {
    if (active) focusLater(active.tag.id, false);
    setForm(null);
  };

  const closeDialog = () => {
    if (active) focusLater(active.tag.id, false);
    setDialog(null);
  };

  const dialogNode = dialog && tree.byId.get(dialog.id);
  const formTag = form?.kind === 'edit' ? tree.byId.get(form.id)?.tag : undefined;
  const formParent = form?.kind === 'new' && form.parentId !== null ? tree.byId.get(form.parentId) : undefined;

  return (
    <section ref={panel} className="codebook" aria-labelledby={`${baseId}-heading`}>
      <h2 id={`${baseId}-heading`} className="column-heading">
        Codebook {tags.length > 0 && <span className="heading-count">{tags.length}</span>}
      </h2>
      {form ? (
        <TagEntryForm
          key={form.kind === 'edit' ? `edit-${form.id}` : `new-${form.parentId}`}
          title={formTag ? `Edit “${formTag.name}”` : formParent ? `New sub-tag of “${formParent.tag.name}”` : 'New tag'}
          entry={formTag ? entryOf(formTag) : blankEntry(tags)}
          tagId={formTag?.id ?? null}
          tags={tags}
          onSave={saveEntry(form)}
          onCancel={closeForm}
        />
      ) : (
        <>
          <div className="codebook-actions">
            <button type="button" className="codebook-action" onClick={() => setForm({ kind: 'new', parentId: null })}>
              New tag
            </button>
            <button type="button" className="codebook-action" disabled={!active} onClick={() => active && setForm({ kind: 'new', parentId: active.tag.id })}>
              New sub-tag
            </button>
            <button type="button" className="quiet-button" disabled={!active} onClick={() => active && setForm({ kind: 'edit', id: active.tag.id })}>
              Edit
            </button>
            <button type="button" className="quiet-button" disabled={!active || tags.length < 2} onClick={() => active && setDialog({ kind: 'merge', id: active.tag.id })}>
              Merge into…
            </button>
            <button type="button" className="quiet-button codebook-delete" disabled={!active} onClick={() => active && setDialog({ kind: 'delete', id: active.tag.id })}>
              Delete…
            </button>
          </div>
          {problem && (
            <p className="field-error codebook-problem" role="alert">
              {problem}
            </p>
          )}
          {tags.length === 0 ? (
            <p className="empty-note">The codebook is empty. Create a tag to start; sub-tags go under it.</p>
          ) : (
            <ul className="codebook-tree" role="tree" aria-label="Codebook" onKeyDown={onTreeKeyDown}>
              {tree.roots.map(renderNode)}
            </ul>
          )}
          {dragging && (
            <div
              className={`codebook-top-drop${dropTarget?.id === 'top' ? ' codebook-drop-here' : ''}`}
              onDragOver={(event) => {
                if (dragged.current === null || !moveToTopLevel(tree, dragged.current)) return;
                event.preventDefault();
                if (dropTarget?.id !== 'top') setDropTarget({ id: 'top' });
              }}
              onDrop={(event) => onDrop(event, 'top')}
            >
              Drop here to move to the top level
            </div>
          )}
          <p className="codebook-hint">
            Drag a tag onto another to make it a sub-tag, or between two to reorder. Keys: Enter edits, F2 renames, Alt+arrows move.
          </p>
        </>
      )}
      {dialog?.kind === 'delete' && dialogNode && (
        <DeleteTagDialog
          node={dialogNode}
          affected={uses?.get(dialogNode.tag.id)?.inLibraryWithSubtags ?? null}
          onDelete={async () => {
            // The focus goes to the row that takes the deleted one's place.
            const gone = new Set(subtreeIds(dialogNode));
            const index = rows.indexOf(dialogNode);
            const next = rows.slice(index + 1).find((row) => !gone.has(row.tag.id)) ?? rows.slice(0, index).at(-1);
            await api.deleteTag({ id: dialogNode.tag.id });
            setDialog(null);
            setActiveId(next?.tag.id ?? null);
            if (next) focusLater(next.tag.id, true);
            onChanged();
          }}
          onClose={closeDialog}
        />
      )}
      {dialog?.kind === 'merge' && dialogNode && (
        <MergeTagDialog
          from={dialogNode}
          tags={tags}
          highlights={uses?.get(dialogNode.tag.id)?.inLibrary ?? null}
          onMerge={async (into) => {
            await api.mergeTags({ fromId: dialogNode.tag.id, intoId: into.id });
            setDialog(null);
            setCollapsed((set) => without(set, into.id));
            focusLater(into.id, true);
            onChanged();
          }}
          onClose={closeDialog}
        />
      )}
    </section>
  );
}

function blankEntry(tags: readonly Tag[]): TagEntry {
  return { name: '', color: nextTagColor(tags), shortcut: null, description: '', whenToUse: '', whenNotToUse: '', example: '' };
}

function entryOf(tag: Tag): TagEntry {
  const { name, color, shortcut, description, whenToUse, whenNotToUse, example } = tag;
  return { name, color, shortcut, description, whenToUse, whenNotToUse, example };
}

function without(set: ReadonlySet<number>, id: number): ReadonlySet<number> {
  if (!set.has(id)) return set;
  const next = new Set(set);
  next.delete(id);
  return next;
}
