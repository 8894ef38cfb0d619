import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateInLine, findDateLine, findPublicationDate } from './publicationDate.ts';

test('the date forms press releases use are read as ISO dates', () => {
  const cases: [string, string][] = [
    ['19 November 2021', '2021-11-19'],
    ['Geneva, 3 March 2022', '2022-03-03'],
    ['1st of July 2020', '2020-07-01'],
    ['November 19, 2021', '2021-11-19'],
    ['Sept. 9, 2019', '2019-09-09'],
    ['WASHINGTON, Dec 31 2020 –', '2020-12-31'],
    ['2021-11-19', '2021-11-19'],
    ['Issued 2021-1-5 in New York', '2021-01-05'],
    ['19.11.2021', '2021-11-19'],
    ['Press release 04.02.2023', '2023-02-04'],
  ];
  for (const [line, iso] of cases) assert.equal(dateInLine(line), iso, line);
});

test('impossible dates, bare years and dates deep inside a sentence are not publication dates', () => {
  for (const line of ['31 February 2021', '2021-13-01', '32.01.2020', 'Founded in 2021', 'Version 1.2.3',
    'The ministers, gathered after months of preparatory talks in several capitals, agreed on 19 November 2021 to act.']) {
    assert.equal(dateInLine(line), null, line);
  }
});

test('only the first few non-empty lines are searched, and the first date found wins', () => {
  assert.deepEqual(findDateLine(['Joint statement', '', 'Geneva', '19 November 2021', 'Updated 2021-11-20']), { index: 3, iso: '2021-11-19' });
  const late = ['Title', 'one', 'two', 'three', 'four', '19 November 2021'];
  assert.equal(findPublicationDate(late), null);
  assert.equal(findPublicationDate(['Title', '', '', '', '', '', 'one', 'two', 'three', '19 November 2021']), '2021-11-19', 'blank lines do not count');
});
