/// The shortest edit between two sequences (Myers' greedy O(ND) algorithm), as runs of items
/// kept, deleted and inserted. Anchoring runs it on the paragraphs, then the words, of a
/// re-issued text; `maxEdits` bounds its work when two texts have little in common.

/// A stretch of the edit: `count` items in both sequences, only in the old, or only in the new.
export interface EditRun {
  kind: 'keep' | 'delete' | 'insert';
  count: number;
}

/// The runs that turn `a` into `b` with the fewest insertions and deletions, or null when that
/// takes more than `maxEdits` of them. Items are compared with ===.
export function diffSequences<T>(a: readonly T[], b: readonly T[], maxEdits: number): EditRun[] | null {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(n + m, maxEdits);
  const offset = limit + 1;
  // furthest[offset + k]: the furthest x reached on diagonal k (y = x - k) so far.
  const furthest = new Int32Array(2 * limit + 3);
  // The diagonals -d..d after each step d, for walking the path back.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = fromInsertion(furthest, offset, k, d) ? furthest[offset + k + 1]! : furthest[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      furthest[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(furthest.slice(offset - d, offset + d + 1));
        return walkBack(trace, n, m);
      }
    }
    trace.push(furthest.slice(offset - d, offset + d + 1));
  }
  return null;
}

/// Whether diagonal k is best reached from diagonal k + 1 (an insertion) rather than k - 1.
function fromInsertion(diagonals: Int32Array, offset: number, k: number, d: number): boolean {
  return k === -d || (k !== d && diagonals[offset + k - 1]! < diagonals[offset + k + 1]!);
}

function walkBack(trace: readonly Int32Array[], n: number, m: number): EditRun[] {
  const reversed: EditRun[] = [];
  const push = (kind: EditRun['kind'], count: number) => {
    if (count === 0) return;
    const last = reversed.at(-1);
    if (last?.kind === kind) last.count += count;
    else reversed.push({ kind, count });
  };
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const previous = trace[d - 1]!;
    const k = x - y;
    // `previous` holds diagonals -(d-1)..d-1, so diagonal j sits at index j + d - 1.
    const insertion = fromInsertion(previous, d - 1, k, d);
    const previousK = insertion ? k + 1 : k - 1;
    const previousX = previous[previousK + d - 1]!;
    const stepX = insertion ? previousX : previousX + 1;
    push('keep', x - stepX);
    push(insertion ? 'insert' : 'delete', 1);
    x = previousX;
    y = previousX - previousK;
  }
  push('keep', x);
  return reversed.reverse();
}
