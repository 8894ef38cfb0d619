/// The right-hand column: the open document's highlights and the codebook, one at a time
/// behind two tabs. Both panels stay mounted, so a note being typed or a branch collapsed
/// is still there when the analyst comes back.
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

interface SidebarProps {
  highlights: ReactNode;
  codebook: ReactNode;
  /// Told whenever the shown tab changes (the codebook counts are fetched only while it shows).
  onShow?: (tab: TabKey) => void;
}

const tabs = [
  { key: 'highlights', label: 'Highlights' },
  { key: 'codebook', label: 'Codebook' },
] as const;

export type TabKey = (typeof tabs)[number]['key'];

export function Sidebar({ highlights, codebook, onShow }: SidebarProps) {
  const id = useId();
  const [shown, setShownState] = useState<TabKey>('highlights');
  const setShown = (tab: TabKey) => {
    setShownState(tab);
    onShow?.(tab);
  };
  const buttons = useRef(new Map<TabKey, HTMLButtonElement>());
  const panels: Record<TabKey, ReactNode> = { highlights, codebook };

  // Arrow keys, Home and End move along the tabs and show the tab they land on.
  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.findIndex((tab) => tab.key === shown);
    const next =
      event.key === 'ArrowRight' ? (index + 1) % tabs.length
      : event.key === 'ArrowLeft' ? (index - 1 + tabs.length) % tabs.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? tabs.length - 1
      : null;
    if (next === null) return;
    event.preventDefault();
    const key = tabs[next]!.key;
    setShown(key);
    buttons.current.get(key)?.focus();
  };

  return (
    <div className="sidebar">
      <div className="sidebar-tabs" role="tablist" aria-label="Beside the document" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.key}
            ref={(element) => {
              if (element) buttons.current.set(tab.key, element);
              else buttons.current.delete(tab.key);
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${tab.key}`}
            className="sidebar-tab"
            aria-selected={shown === tab.key}
            aria-controls={`${id}-panel-${tab.key}`}
            tabIndex={shown === tab.key ? 0 : -1}
            onClick={() => setShown(tab.key)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.key}
          role="tabpanel"
          id={`${id}-panel-${tab.key}`}
          className={`sidebar-panel sidebar-panel-${tab.key}`}
          aria-labelledby={`${id}-tab-${tab.key}`}
          hidden={shown !== tab.key}
        >
          {panels[tab.key]}
        </div>
      ))}
    </div>
  );
}
