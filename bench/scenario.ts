/// A benchmark scenario and its one-line report. A scenario is a file under bench/scenarios/
/// that exports `scenario`; `npm run bench` finds it there, so adding a benchmark is adding
/// a file.

/// What one scenario measured.
export interface Measurement {
  /// What the program achieved, in the scenario's unit.
  value: number;
  /// The same work done the plainest way, measured in the same run and the same unit.
  baseline: number;
  /// How the two compare; the scenario says which way round (see its `ratio` comment).
  ratio: number;
  /// Set when the run found the program wrong, not slow (a misplaced highlight, say): the
  /// scenario reports MISS whatever its numbers (and says why on stderr as it runs).
  flaw?: string;
}

/// One benchmark: what it measures, what is good enough, and how to measure it.
export interface Scenario {
  /// Stable name, e.g. `import.txt`: results are compared across commits by it.
  id: string;
  unit: string;
  /// What counts as good enough: `ratio` or `value`, a comparison, a number (`ratio<=1.5`);
  /// several joined by `&&` must all hold (`ratio<=1.3&&value<=400`).
  target: string;
  run(): Promise<Measurement>;
}

const targetPattern = /^(value|ratio)(<=|>=|<|>)(\d+(?:\.\d+)?)$/;

/// Whether a measurement meets a target expression; throws on an expression it cannot read,
/// so a mistyped target fails loudly instead of always passing.
export function meetsTarget(target: string, measurement: Measurement): boolean {
  return target.split('&&').map((part) => meetsComparison(part, target, measurement)).every(Boolean);
}

function meetsComparison(comparison: string, target: string, measurement: Measurement): boolean {
  const match = targetPattern.exec(comparison.replace(/\s+/g, ''));
  if (!match) throw new Error(`bench: cannot read the target "${target}"; write e.g. "ratio<=1.5", "value>=100" or "ratio<=1.3&&value<=400".`);
  const actual = measurement[match[1] as 'value' | 'ratio'];
  const limit = Number(match[3]);
  switch (match[2]) {
    case '<=': return actual <= limit;
    case '>=': return actual >= limit;
    case '<': return actual < limit;
    default: return actual > limit;
  }
}

/// The line `npm run bench` prints for a scenario.
export function reportLine(scenario: Scenario, measurement: Measurement): string {
  const { value, baseline, ratio } = measurement;
  const status = measurement.flaw === undefined && meetsTarget(scenario.target, measurement) ? 'ok' : 'MISS';
  return `BENCH scenario=${scenario.id} value=${formatNumber(value)} unit=${scenario.unit} baseline=${formatNumber(baseline)} ` +
    `ratio=${formatNumber(ratio)} target=${scenario.target.replace(/\s+/g, '')} status=${status}`;
}

/// Four significant digits, never exponent notation.
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) >= 1000) return x.toFixed(0);
  return String(Number(x.toPrecision(4)));
}
