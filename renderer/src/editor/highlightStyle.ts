/// How a highlighted stretch looks: a faint tint of its first colour behind the text and,
/// under it, one thin underline per (highlight, tag colour) layer, each on its own lane.
import type { HighlightLayer } from '../../../common/highlightSegments.ts';

const LINE = 2; // px, thickness of one underline
const LANE = 3; // px, from one lane's underline to the next

// Tint opacity (as a hex alpha) by how many highlights overlap: overlaps read darker.
const TINT_ALPHA = ['1c', '30', '44'];

/// The CSS declarations for a segment whose layers are ordered by lane (lowest first).
/// Colours come from the codebook as validated `#rrggbb`, so they are safe in a style.
export function highlightStyle(layers: readonly HighlightLayer[]): string {
  const first = layers[0];
  if (!first) return '';
  const lanes = Math.max(...layers.map((l) => l.lane)) + 1;
  const overlapping = new Set(layers.map((l) => l.id)).size;
  const tint = `${first.color}${TINT_ALPHA[Math.min(overlapping, TINT_ALPHA.length) - 1]}`;
  const lines = layers.map((l) => ({
    image: `linear-gradient(${l.color}, ${l.color})`,
    size: `100% ${LINE}px`,
    position: `0 calc(100% - ${l.lane * LANE}px)`,
    clip: 'padding-box',
  }));
  const all = [...lines, { image: `linear-gradient(${tint}, ${tint})`, size: '100% 100%', position: '0 0', clip: 'content-box' }];
  return [
    `background-image: ${all.map((l) => l.image).join(', ')}`,
    `background-size: ${all.map((l) => l.size).join(', ')}`,
    `background-position: ${all.map((l) => l.position).join(', ')}`,
    `background-clip: ${all.map((l) => l.clip).join(', ')}`,
    'background-repeat: no-repeat',
    `padding-bottom: ${lanes * LANE}px`,
  ].join('; ');
}
