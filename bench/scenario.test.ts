import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatNumber, meetsTarget, reportLine, type Scenario } from './scenario.ts';

const scenario: Scenario = { id: 'import.txt', unit: 'docs/s', target: 'ratio<=1.5', run: async () => ({ value: 0, baseline: 0, ratio: 0 }) };

test('the report line has the fixed shape, with ok or MISS from the target', () => {
  assert.equal(
    reportLine(scenario, { value: 2000, baseline: 2600, ratio: 1.3 }),
    'BENCH scenario=import.txt value=2000 unit=docs/s baseline=2600 ratio=1.3 target=ratio<=1.5 status=ok',
  );
  assert.match(reportLine(scenario, { value: 1000, baseline: 2600, ratio: 2.6 }), / status=MISS$/);
});

test('targets compare value or ratio, and an unreadable target is an error', () => {
  const m = { value: 120, baseline: 100, ratio: 1.2 };
  assert.equal(meetsTarget('ratio<=1.2', m), true);
  assert.equal(meetsTarget('ratio < 1.2', m), false);
  assert.equal(meetsTarget('value>=100', m), true);
  assert.equal(meetsTarget('value>200', m), false);
  assert.throws(() => meetsTarget('faster than before', m), /cannot read the target/);
});

test('targets joined by && must all hold, and a flaw misses whatever the numbers', () => {
  const m = { value: 350, baseline: 300, ratio: 1.17 };
  assert.equal(meetsTarget('ratio<=1.3&&value<=400', m), true);
  assert.equal(meetsTarget('ratio<=1.3 && value<=300', m), false);
  assert.equal(meetsTarget('ratio<=1.1&&value<=400', m), false);
  assert.throws(() => meetsTarget('ratio<=1.3&&', m), /cannot read the target/);
  const twoSided: Scenario = { ...scenario, id: 'editor.open', unit: 'ms', target: 'ratio<=1.3&&value<=400' };
  assert.match(reportLine(twoSided, m), / target=ratio<=1\.3&&value<=400 status=ok$/);
  assert.match(reportLine(scenario, { value: 100, baseline: 100, ratio: 1, flaw: '2 highlights misplaced' }), / status=MISS$/);
});

test('numbers keep four significant digits and never use exponents', () => {
  assert.equal(formatNumber(1851.46), '1851');
  assert.equal(formatNumber(2.26219), '2.262');
  assert.equal(formatNumber(0.000123456), '0.0001235');
});
