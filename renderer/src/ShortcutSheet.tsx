/// "?": every keyboard action of the app on one sheet, grouped as the analyst works (coding,
/// selecting, moving around, editing the text), with the keys of the codebook's own tags.
import { Fragment, useEffect, useId, useMemo, useRef, type KeyboardEvent } from 'react';
import type { Tag } from '../../common/types.ts';
import { codebookTree } from './codebook.ts';
import { displayKeys, platformOf, SHORTCUT_GROUPS, type Platform } from './shortcuts.ts';

/// The platform this page runs on, for showing and reading the Mod key (⌘ or Ctrl).
export function currentPlatform(): Platform {
  return platformOf(navigator as Navigator & { userAgentData?: { platform?: string } });
}

export interface ShortcutSheetProps {
  /// The sheet closed (Escape, "?" again, or its Close button); the focus is back where it was.
  onClose: () => void;
  /// Which key names to show; by default the platform the page runs on.
  platform?: Platform;
  /// The codebook, to list the keys of its tags under "Coding"; left out, they are not listed.
  tags?: readonly Tag[];
}

/// A modal dialog: the lead mounts it to open it and unmounts it on `onClose`.
export function ShortcutSheet({ onClose, platform = currentPlatform(), tags = [] }: ShortcutSheetProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  // Where the focus was when the sheet opened, to give it back on closing.
  const returnTo = useRef<Element | null>(null);
  const headingId = useId();
  const tagKeys = useMemo(
    () => codebookTree(tags).filter((entry) => entry.tag.shortcut !== null).sort((a, b) => a.tag.shortcut!.localeCompare(b.tag.shortcut!)),
    [tags],
  );

  useEffect(() => {
    const element = dialog.current;
    if (!element || element.open) return;
    returnTo.current = document.activeElement;
    element.showModal();
  }, []);

  const close = () => {
    // Out of the modal state first: the page under it cannot take the focus until then.
    dialog.current?.close();
    const previous = returnTo.current;
    if (previous instanceof HTMLElement && previous.isConnected) previous.focus({ preventScroll: true });
    onClose();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    // The app's own shortcuts stay quiet while the sheet is open.
    event.stopPropagation();
    if (event.key !== 'Escape' && event.key !== '?') return;
    event.preventDefault();
    close();
  };

  return (
    <dialog
      ref={dialog}
      className="modal shortcut-sheet"
      aria-labelledby={headingId}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <div className="shortcut-sheet-header">
        <h2 id={headingId} className="shortcut-sheet-heading">
          Keyboard shortcuts
        </h2>
        <button type="button" className="quiet-button" onClick={close} autoFocus>
          Close
        </button>
      </div>
      <div className="shortcut-sheet-groups">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group.title} className="shortcut-group" aria-label={group.title}>
            <h3 className="shortcut-group-heading">{group.title}</h3>
            <dl className="shortcut-list">
              {group.shortcuts.map((shortcut) => (
                <div key={shortcut.id} className="shortcut-row">
                  <dt className="shortcut-keys">
                    <Keys keys={displayKeys(shortcut.keys, platform)} platform={platform} />
                  </dt>
                  <dd className="shortcut-action">{shortcut.action}</dd>
                </div>
              ))}
            </dl>
            {group.title === 'Coding' && tagKeys.length > 0 && (
              <>
                <h4 className="shortcut-tags-heading">Keys of your tags</h4>
                <dl className="shortcut-list">
                  {tagKeys.map(({ tag, path }) => (
                    <div key={tag.id} className="shortcut-row">
                      <dt className="shortcut-keys">
                        <kbd>{tag.shortcut!.toUpperCase()}</kbd>
                      </dt>
                      <dd className="shortcut-action">
                        {/* A style set through the DOM, not a style attribute, so the CSP allows it. */}
                        <span className="tag-swatch" style={{ backgroundColor: tag.color }} aria-hidden="true" /> {path}
                      </dd>
                    </div>
                  ))}
                </dl>
              </>
            )}
          </section>
        ))}
      </div>
    </dialog>
  );
}

// Alternatives read "or"; keys of one chord are joined by "+", except on a Mac, where "⌘K"
// is how the menus write it.
function Keys({ keys, platform }: { keys: string[][]; platform: Platform }) {
  return keys.map((chord, i) => (
    <Fragment key={i}>
      {i > 0 && <span className="shortcut-or"> or </span>}
      <span className="shortcut-chord">
        {chord.map((key, j) => (
          <Fragment key={j}>
            {j > 0 && platform !== 'mac' && <span className="shortcut-plus">+</span>}
            <kbd>{key}</kbd>
          </Fragment>
        ))}
      </span>
    </Fragment>
  ));
}
