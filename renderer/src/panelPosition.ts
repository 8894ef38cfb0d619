/// Where a panel beside the text (tag picker, note, highlight card) opens: just under a point
/// on screen, in the scrolling column's coordinates (so it scrolls with the text), kept inside
/// the column.
export interface Anchored {
  top: number;
  left: number;
}

const PANEL_WIDTH = 320; // px, as .floating-panel in styles.css

export function panelBelow(scroller: HTMLElement, point: { bottom: number; left: number }, gap: number): Anchored {
  const box = scroller.getBoundingClientRect();
  return {
    top: point.bottom - box.top + scroller.scrollTop + gap,
    left: Math.max(12, Math.min(point.left - box.left - 24, box.width - PANEL_WIDTH - 24)),
  };
}
