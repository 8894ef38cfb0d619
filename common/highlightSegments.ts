/// Overlapping highlights cut into pieces that do not overlap, so each piece can be drawn
/// once with one underline per (highlight, tag colour) covering it.

/// The colour of a highlight that carries no tag yet.
export const NEUTRAL_HIGHLIGHT_COLOR = '#868e96';

/// One highlight to draw: its id, its range and the colours of its tags (in tag order).
export interface HighlightRange {
  id: number;
  from: number;
  to: number;
  colors: readonly string[];
}

/// One underline: which highlight it belongs to, its colour, and its lane (0 = lowest).
/// A highlight keeps the same lanes along its whole range, so its line never jumps.
export interface HighlightLayer {
  id: number;
  color: string;
  lane: number;
}

/// A stretch covered by the same highlights throughout; `layers` are ordered by lane.
export interface HighlightSegment {
  from: number;
  to: number;
  /// The highlights covering the stretch, each once, in lane order.
  ids: number[];
  layers: HighlightLayer[];
}

/// A stretch that may hold highlights (a textblock's content); segments never leave one.
export interface HighlightBound {
  from: number;
  to: number;
}

/// Splits `ranges` into non-overlapping segments. With `bounds` (sorted, non-overlapping),
/// segments are clipped to them: a highlight crossing two paragraphs becomes one segment
/// in each, and nothing is drawn between them.
export function highlightSegments(
  ranges: readonly HighlightRange[],
  bounds?: readonly HighlightBound[],
): HighlightSegment[] {
  const placed = assignLanes(ranges.filter((r) => r.to > r.from));
  const cuts = new Set<number>();
  for (const { range } of placed) cuts.add(range.from).add(range.to);
  for (const bound of bounds ?? []) cuts.add(bound.from).add(bound.to);
  const points = [...cuts].sort((a, b) => a - b);

  const segments: HighlightSegment[] = [];
  let boundIndex = 0;
  // A sweep over the cut points: `placed` is sorted by start; `active` holds the highlights
  // covering the current stretch (few at once), so the cost stays near-linear.
  let next = 0;
  let active: Placed[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    active = active.filter(({ range }) => range.to > from);
    while (next < placed.length && placed[next]!.range.from <= from) {
      if (placed[next]!.range.to > from) active.push(placed[next]!);
      next++;
    }
    if (bounds) {
      while (boundIndex < bounds.length && bounds[boundIndex]!.to <= from) boundIndex++;
      const bound = bounds[boundIndex];
      if (!bound || bound.from > from || bound.to < to) continue;
    }
    if (active.length === 0) continue;
    const layers = active.flatMap((p) => p.layers).sort((a, b) => a.lane - b.lane);
    const previous = segments.at(-1);
    if (previous && previous.to === from && sameLayers(previous.layers, layers)) {
      previous.to = to;
    } else {
      segments.push({ from, to, ids: [...new Set(layers.map((l) => l.id))], layers });
    }
  }
  return segments;
}

interface Placed {
  range: HighlightRange;
  layers: HighlightLayer[];
}

// Interval-graph colouring: a highlight takes the lowest run of lanes free where it starts,
// one lane per colour, so overlapping highlights never share a lane.
function assignLanes(ranges: readonly HighlightRange[]): Placed[] {
  const ordered = [...ranges].sort((a, b) => a.from - b.from || b.to - a.to || a.id - b.id);
  const laneEnds: number[] = [];
  return ordered.map((range) => {
    const colors = range.colors.length > 0 ? range.colors : [NEUTRAL_HIGHLIGHT_COLOR];
    let first = 0;
    while (!colors.every((_, k) => (laneEnds[first + k] ?? -Infinity) <= range.from)) first++;
    const layers = colors.map((color, k) => {
      laneEnds[first + k] = range.to;
      return { id: range.id, color, lane: first + k };
    });
    return { range, layers };
  });
}

function sameLayers(a: readonly HighlightLayer[], b: readonly HighlightLayer[]): boolean {
  return a.length === b.length && a.every((layer, i) => layer.id === b[i]!.id && layer.lane === b[i]!.lane);
}
