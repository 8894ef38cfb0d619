/// Highlight looks as CSS classes: each distinct look (its colours on their lanes) becomes one
/// rule in a stylesheet the page adopts, and every stretch drawn that way carries its class.
/// A document with thousands of highlights has only a few dozen looks, so the browser parses
/// each once instead of an inline style per stretch (which cost more than the stretches).
import type { HighlightLayer } from '../../../common/highlightSegments.ts';
import { highlightStyle } from './highlightStyle.ts';

const classOfLook = new Map<string, string>();
// Built by script (CSSOM), which the page's CSP allows where it refuses inline styles.
let sheet: CSSStyleSheet | null = null;

/// The class drawing a stretch covered by `layers` (ordered by lane).
export function highlightClass(layers: readonly HighlightLayer[]): string {
  const overlapping = new Set(layers.map((l) => l.id)).size;
  const look = `${overlapping}|${layers.map((l) => `${l.color}@${l.lane}`).join(',')}`;
  let name = classOfLook.get(look);
  if (name === undefined) {
    name = `excerpt-look-${classOfLook.size}`;
    classOfLook.set(look, name);
    addRule(`.${name} { ${highlightStyle(layers)} }`);
  }
  return name;
}

function addRule(rule: string): void {
  // Outside a page (unit tests) there is nothing to style.
  if (typeof document === 'undefined') return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  sheet.insertRule(rule, sheet.cssRules.length);
}
