/// Ctrl+K (⌘K on a Mac): find a tag by a few letters of its name or path and apply it to the
/// selected passage without leaving the keyboard, or name a new tag ("Mandates / ITU role"
/// makes a sub-tag) and create it.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Tag } from '../../common/types.ts';
import { shortQuote } from '../../common/quote.ts';
import { splitTagPath } from './tagPath.ts';
import { findTagByPath, markedParts, rankTags, type RankedTag } from './tagSearch.ts';
import { useActiveOption } from './useActiveOption.ts';

// Enough to scroll through; past that, typing a letter more finds a tag faster.
const SHOWN = 200;

export interface CommandPaletteProps {
  /// The codebook.
  tags: readonly Tag[];
  /// Tags applied lately, most recent first: listed first before anything is typed.
  recentTagIds: readonly number[];
  /// Tags the selected highlight already carries, shown with a check.
  applied: readonly number[];
  /// The selected text; null when nothing is selected (tags are found but none can be applied).
  quote: string | null;
  /// The analyst chose this tag: apply it to the selection, or remove it if it is in `applied`.
  /// `onClose(true)` follows.
  onApply: (tagId: number) => void;
  /// The analyst chose to create a tag and apply it: its path, names joined by " › " (as
  /// ensureTagPath in tagPath.ts takes it). `onClose(true)` follows.
  onCreate: (path: string) => void;
  /// The palette is done: unmount it. It has left its modal state already and, when
  /// `returnFocus` (a choice made, or Escape), given the focus back to where it was when it
  /// opened; false after a click outside it.
  onClose: (returnFocus: boolean) => void;
}

type Option = { kind: 'tag'; found: RankedTag } | { kind: 'create'; path: string };

/// A modal dialog over the app, open while mounted. Keys pressed in it stay in it.
export function CommandPalette({ tags, recentTagIds, applied, quote, onApply, onCreate, onClose }: CommandPaletteProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const list = useRef<HTMLUListElement>(null);
  // Where the focus was when the palette opened (the text, usually), to give it back.
  const returnTo = useRef<Element | null>(null);
  const [query, setQuery] = useState('');
  const found = useMemo(() => rankTags(tags, query, recentTagIds), [tags, query, recentTagIds]);
  const createPath = useMemo(() => {
    const names = splitTagPath(query);
    return names.length > 0 && !findTagByPath(tags, names) ? names.join(' › ') : null;
  }, [tags, query]);
  const options: Option[] = found.slice(0, SHOWN).map((f): Option => ({ kind: 'tag', found: f }));
  if (createPath !== null) options.push({ kind: 'create', path: createPath });
  const { activeIndex, moveTo, arrowKey, filterProps, listProps, optionProps } = useActiveOption(options.length);
  const selecting = quote !== null;
  const hintId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element || element.open) return;
    returnTo.current = document.activeElement;
    element.showModal();
  }, []);

  const close = (returnFocus: boolean) => {
    // Out of the modal state first: the page under it cannot take the focus until then.
    dialog.current?.close();
    const previous = returnTo.current;
    if (returnFocus && previous instanceof HTMLElement && previous.isConnected) previous.focus({ preventScroll: true });
    onClose(returnFocus);
  };

  const choose = (option: Option | undefined) => {
    if (!option || !selecting) return;
    if (option.kind === 'tag') onApply(option.found.tag.id);
    else onCreate(option.path);
    close(true);
  };

  // Options a PageUp or PageDown moves by: as many as the list shows at once.
  const page = () => {
    const first = list.current?.firstElementChild;
    const height = first instanceof HTMLElement ? first.offsetHeight : 0;
    return height > 0 ? Math.max(1, Math.floor(list.current!.clientHeight / height) - 1) : 8;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    // Letters typed here must not reach the app's own shortcuts (J, K, S…) underneath.
    event.stopPropagation();
    // Enter or Escape that finishes composing a character (Chinese, Japanese…) is the input method's.
    if (event.nativeEvent.isComposing) return;
    const last = options.length - 1;
    const plain = !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey;
    if (event.key === 'PageDown') moveTo(Math.min(last, activeIndex + page()));
    else if (event.key === 'PageUp') moveTo(Math.max(0, activeIndex - page()));
    else if (event.key === 'Home' && plain) moveTo(0);
    else if (event.key === 'End' && plain) moveTo(last);
    else if (event.key === 'Enter') choose(options[activeIndex]);
    else if (event.key === 'Escape') close(true);
    // The filter is the palette's one field: Tab keeps the focus there rather than leave the dialog.
    else if (event.key === 'Tab') dialog.current?.querySelector('input')?.focus();
    // The same keys that opened the palette close it.
    else if (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey)) close(true);
    else if (!arrowKey(event.key)) return;
    event.preventDefault();
  };

  // A click on the backdrop reaches the dialog itself, outside its box.
  const onMouseDown = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target !== event.currentTarget) return;
    const box = event.currentTarget.getBoundingClientRect();
    const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) close(false);
  };

  return (
    <dialog
      ref={dialog}
      className="modal command-palette"
      aria-label="Apply a tag"
      aria-describedby={hintId}
      onKeyDown={onKeyDown}
      onMouseDown={onMouseDown}
      onCancel={(event) => {
        event.preventDefault();
        close(true);
      }}
    >
      {selecting ? (
        <p id={hintId} className="command-palette-quote">
          “{shortQuote(quote)}”
        </p>
      ) : (
        <p id={hintId} className="command-palette-hint">
          Select a passage to apply a tag
        </p>
      )}
      <input
        autoFocus
        className="command-palette-filter"
        aria-label="Find a tag"
        placeholder="Find a tag, or name a new one…"
        {...filterProps(query, setQuery)}
      />
      <ul ref={list} {...listProps} className="command-palette-list" aria-label="Tags">
        {options.map((option, i) => (
          <li
            key={option.kind === 'tag' ? option.found.tag.id : 'create'}
            {...optionProps(i)}
            aria-disabled={selecting ? undefined : true}
            className={`command-palette-option${option.kind === 'create' ? ' command-palette-create' : ''}`}
            onClick={() => choose(option)}
          >
            {option.kind === 'tag' ? (
              <TagOption found={option.found} applied={applied.includes(option.found.tag.id)} />
            ) : (
              <span className="command-palette-path">Create “{option.path}”</span>
            )}
          </li>
        ))}
      </ul>
      {found.length > SHOWN && <p className="command-palette-note">{found.length - SHOWN} more: type a few letters to find them.</p>}
      {options.length === 0 && <p className="command-palette-note">The codebook is empty: type a name to create a tag.</p>}
    </dialog>
  );
}

function TagOption({ found, applied }: { found: RankedTag; applied: boolean }) {
  const { tag, path, marks } = found;
  const nameStart = path.length - tag.name.length;
  const show = (parts: ReturnType<typeof markedParts>) =>
    parts.map((part, i) => (part.marked ? <mark key={i} className="command-palette-match">{part.text}</mark> : part.text));
  return (
    <>
      {/* A style set through the DOM, not a style attribute, so the CSP allows it. */}
      <span className="tag-swatch" style={{ backgroundColor: tag.color }} aria-hidden="true" />
      <span className="command-palette-path">
        {nameStart > 0 && <span className="command-palette-parents">{show(markedParts(path, marks, 0, nameStart))}</span>}
        <span className="command-palette-name">{show(markedParts(path, marks, nameStart))}</span>
      </span>
      {applied && (
        <span className="command-palette-applied">
          <span aria-hidden="true">✓</span>
          <span className="visually-hidden">, applied: choose it again to remove it</span>
        </span>
      )}
      {tag.shortcut && (
        <span className="command-palette-key">
          <span className="visually-hidden">, key </span>
          <kbd>{tag.shortcut.toUpperCase()}</kbd>
        </span>
      )}
    </>
  );
}
