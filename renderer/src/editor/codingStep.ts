/// A coding action (a highlight made, changed, moved back or removed) as a ProseMirror step,
/// so it sits in the same history as the text edits: undo and redo cover both, in the order
/// they happened. The step leaves the document as it is; the coding plugin (coding.ts) reads it.
import { Step, StepMap, StepResult, type Mappable } from 'prosemirror-transform';
import type { Node, Schema } from 'prosemirror-model';

/// A highlight in the editor: its range in editor positions. `key` is the stored annotation's
/// id, or a negative number for a highlight not saved yet.
export interface Highlight {
  key: number;
  from: number;
  to: number;
  tagIds: readonly number[];
  note: string;
}

/// Sets the highlight `key` from `before` to `after` (null: absent). A step whose `before`
/// equals its `after` pins a highlight's range ahead of a text edit (see pinHighlights.ts).
export class CodingStep extends Step {
  constructor(readonly key: number, readonly before: Highlight | null, readonly after: Highlight | null) {
    super();
  }

  apply(doc: Node): StepResult {
    return StepResult.ok(doc);
  }

  override getMap(): StepMap {
    return StepMap.empty;
  }

  invert(): CodingStep {
    return new CodingStep(this.key, this.after, this.before);
  }

  /// Through later changes (history rebasing): a highlight whose text went drops the step.
  map(mapping: Mappable): CodingStep | null {
    const before = this.before && mapHighlight(this.before, mapping);
    const after = this.after && mapHighlight(this.after, mapping);
    if ((this.before && !before) || (this.after && !after)) return null;
    return new CodingStep(this.key, before, after);
  }

  override toJSON(): unknown {
    return { stepType: 'excerptCoding', key: this.key, before: this.before, after: this.after };
  }

  static override fromJSON(_schema: Schema, json: { key: number; before: Highlight | null; after: Highlight | null }): CodingStep {
    return new CodingStep(json.key, json.before, json.after);
  }
}

Step.jsonID('excerptCoding', CodingStep);

/// A highlight's range through a change: its start stays before text typed at its start and
/// its end before text typed at its end (ARCHITECTURE.md); null when none of its text is left.
export function mapHighlight(highlight: Highlight, mapping: Mappable): Highlight | null {
  const from = mapping.map(highlight.from, 1);
  const to = mapping.map(highlight.to, -1);
  if (to <= from) return null;
  return from === highlight.from && to === highlight.to ? highlight : { ...highlight, from, to };
}
