/// The open document's highlights as the coding plugin holds them (coding.ts): a persistent
/// set, each editor state keeping its own. Their ranges live in two typed arrays, so a text
/// edit carries every highlight through in one tight loop that allocates nothing but the two
/// copies; their keys, tags and notes are shared, untouched, by the states a text edit makes.
/// Typing in a document with 5,000 highlights stays within a frame, even before the page's
/// code has warmed up.
import type { StepMap } from 'prosemirror-transform';
import type { Highlight } from './codingStep.ts';

/// What a highlight says beyond its range.
interface Coding {
  key: number;
  tagIds: readonly number[];
  note: string;
}

export class HighlightStore {
  /// The slot of each key, made when first asked for and shared while the slots stay.
  private slots: Map<number, number> | null = null;

  private constructor(
    private readonly codings: readonly Coding[],
    private readonly from: Int32Array,
    private readonly to: Int32Array,
  ) {}

  static of(highlights: readonly Highlight[]): HighlightStore {
    return new HighlightStore(
      highlights.map(({ key, tagIds, note }) => ({ key, tagIds, note })),
      Int32Array.from(highlights, (h) => h.from),
      Int32Array.from(highlights, (h) => h.to),
    );
  }

  get size(): number {
    return this.codings.length;
  }

  has(key: number): boolean {
    return this.slotOf(key) !== undefined;
  }

  get(key: number): Highlight | undefined {
    const slot = this.slotOf(key);
    return slot === undefined ? undefined : this.at(slot);
  }

  /// Every highlight, in no particular order.
  *values(): IterableIterator<Highlight> {
    for (let slot = 0; slot < this.codings.length; slot++) yield this.at(slot);
  }

  /// The highlights overlapping `from`..`to` (touching it, when it is empty).
  between(from: number, to: number): Highlight[] {
    const found: Highlight[] = [];
    for (let slot = 0; slot < this.codings.length; slot++) {
      if (this.from[slot]! <= to && this.to[slot]! >= from) found.push(this.at(slot));
    }
    return found;
  }

  /// Calls `each` with every highlight's range, without making a highlight of it.
  forEachRange(each: (from: number, to: number) => void): void {
    for (let slot = 0; slot < this.codings.length; slot++) each(this.from[slot]!, this.to[slot]!);
  }

  /// The store with `highlight` set (added, or replacing the one with its key).
  with(highlight: Highlight): HighlightStore {
    const slot = this.slotOf(highlight.key);
    const coding = { key: highlight.key, tagIds: highlight.tagIds, note: highlight.note };
    if (slot === undefined) {
      const from = new Int32Array(this.from.length + 1);
      const to = new Int32Array(this.to.length + 1);
      from.set(this.from);
      to.set(this.to);
      from[this.from.length] = highlight.from;
      to[this.to.length] = highlight.to;
      return new HighlightStore([...this.codings, coding], from, to);
    }
    const codings = [...this.codings];
    codings[slot] = coding;
    const from = this.from.slice();
    const to = this.to.slice();
    from[slot] = highlight.from;
    to[slot] = highlight.to;
    const store = new HighlightStore(codings, from, to);
    store.slots = this.slots;
    return store;
  }

  /// The store without the highlight `key`.
  without(key: number): HighlightStore {
    const slot = this.slotOf(key);
    return slot === undefined ? this : this.keeping((s) => s !== slot);
  }

  /// The highlights carried through a text change: the store (this one when no range moved)
  /// and the highlights whose whole text the change deleted, as they were. A range keeps its
  /// start after text typed at its start and its end before text typed at its end, as
  /// mapHighlight does (codingStep.ts), which handles what this does not.
  mapThrough(map: StepMap): { store: HighlightStore; deleted: Highlight[] } {
    // Positions before the first changed range stay; those after the last move by the change's
    // length; only those in between are worked out by the map.
    let first = -1;
    let last = -1;
    let shift = 0;
    map.forEach((oldStart, oldEnd, newStart, newEnd) => {
      if (first < 0) first = oldStart;
      last = oldEnd;
      shift += newEnd - newStart - (oldEnd - oldStart);
    });
    if (first < 0) return { store: this, deleted: [] };
    const count = this.codings.length;
    const from = new Int32Array(count);
    const to = new Int32Array(count);
    let moved = false;
    const deleted: number[] = [];
    for (let slot = 0; slot < count; slot++) {
      const start = this.from[slot]!;
      const end = this.to[slot]!;
      const newStart = start < first ? start : start > last ? start + shift : map.map(start, 1);
      const newEnd = end < first ? end : end > last ? end + shift : map.map(end, -1);
      if (newEnd <= newStart) deleted.push(slot);
      from[slot] = newStart;
      to[slot] = newEnd;
      if (newStart !== start || newEnd !== end) moved = true;
    }
    if (!moved) return { store: this, deleted: [] };
    const mapped = new HighlightStore(this.codings, from, to);
    mapped.slots = this.slots;
    if (deleted.length === 0) return { store: mapped, deleted: [] };
    const gone = new Set(deleted);
    return { store: mapped.keeping((slot) => !gone.has(slot)), deleted: deleted.map((slot) => this.at(slot)) };
  }

  private at(slot: number): Highlight {
    const { key, tagIds, note } = this.codings[slot]!;
    return { key, from: this.from[slot]!, to: this.to[slot]!, tagIds, note };
  }

  private slotOf(key: number): number | undefined {
    this.slots ??= new Map(this.codings.map((coding, slot) => [coding.key, slot]));
    return this.slots.get(key);
  }

  private keeping(keep: (slot: number) => boolean): HighlightStore {
    const slots = this.codings.map((_, slot) => slot).filter(keep);
    return new HighlightStore(
      slots.map((slot) => this.codings[slot]!),
      Int32Array.from(slots, (slot) => this.from[slot]!),
      Int32Array.from(slots, (slot) => this.to[slot]!),
    );
  }
}
