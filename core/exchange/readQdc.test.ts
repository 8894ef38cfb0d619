/// The REFI-QDA codebook reader: Excerpt's own `.qdc` read back (names, colours, nesting,
/// descriptions), a codebook as another program writes it, and files it must refuse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Tag } from '../../common/types.ts';
import { codebookToQdc, libraryGuid } from '../export/refiQda.ts';
import { SAMPLE_LIBRARY_ID, sampleCodebook } from '../testing/exportSample.ts';
import { readQdc } from './readQdc.ts';
import { roundTripCodebook } from '../testing/roundTripSample.ts';
import { assertRefused } from '../testing/assertRefused.ts';

/// Each tag's codebook entry as the export writes it into one description, by tag name.
const entries: Record<string, string> = {
  Security: 'Statements about national or collective security.',
  Cybercrime: [
    'Crime committed through or against computer systems.',
    'When to use: The statement names offences, investigations or cooperation between police forces.',
    'When not to use: General remarks about "the internet" with no crime in view.',
    'Example: Both agencies will share evidence on ransomware attacks.',
  ].join('\n\n'),
  Trade: 'Tariffs, market access, data flows as commerce.',
  'Экономика 😊': 'Рост, занятость & цены <в регионах>.',
  'Jobs "𝔘nion" deals': [
    'Wages & collective agreements.',
    'When to use: A number of jobs or a wage level.',
    'When not to use: Forecasts without a figure.',
    'Example: «Создано 500 рабочих мест».',
  ].join('\n\n'),
  Regions: 'When not to use: The capital.',
  Safety: '',
};

/// The codebook as the reader should give it back.
function expectedCodes(codebook: readonly Tag[]) {
  return codebook.map((tag) => ({
    key: libraryGuid(SAMPLE_LIBRARY_ID, 'tag', tag.id),
    name: tag.name,
    color: /^#[0-9a-f]{6}$/i.test(tag.color) ? tag.color.toLowerCase() : null,
    description: entries[tag.name],
    parentKey: tag.parentId === null ? null : libraryGuid(SAMPLE_LIBRARY_ID, 'tag', tag.parentId),
  }));
}

test('a codebook exported as .qdc reads back with the same names, colours, nesting and descriptions', () => {
  for (const codebook of [sampleCodebook, roundTripCodebook]) {
    assert.deepEqual(readQdc(codebookToQdc(SAMPLE_LIBRARY_ID, codebook)), expectedCodes(codebook));
  }
});

test('a codebook as another program writes it: prefixed names, braced GUIDs, no colours or descriptions', () => {
  const qdc = [
    '\uFEFF<?xml version="1.0" encoding="utf-8"?>',
    '<!-- written by another program -->',
    '<qda:CodeBook xmlns:qda="urn:QDA-XML:codebook:1.0" origin="Other QDA 3.1">',
    '  <qda:Codes>',
    '    <qda:Code guid="{0A1B2C3D-4E5F-4A6B-8C7D-8E9F0A1B2C3D}" name="Economy &amp; work" isCodable="false" color="#ff8800">',
    '      <qda:Description><![CDATA[Anything <economic>.]]>\r\nSecond line.</qda:Description>',
    '      <qda:Code guid="1B2C3D4E-5F6A-4B7C-8D9E-0F1A2B3C4D5E" name="Jobs" isCodable="true" color="orange"/>',
    '    </qda:Code>',
    '    <qda:Code name="No GUID" isCodable="true"/>',
    '  </qda:Codes>',
    '</qda:CodeBook>',
    '',
  ].join('\r\n');
  assert.deepEqual(readQdc(qdc), [
    { key: '{0A1B2C3D-4E5F-4A6B-8C7D-8E9F0A1B2C3D}', name: 'Economy & work', color: '#ff8800', description: 'Anything <economic>.\nSecond line.', parentKey: null },
    { key: '1B2C3D4E-5F6A-4B7C-8D9E-0F1A2B3C4D5E', name: 'Jobs', color: null, description: '', parentKey: '{0A1B2C3D-4E5F-4A6B-8C7D-8E9F0A1B2C3D}' },
    { key: 'No GUID', name: 'No GUID', color: null, description: '', parentKey: null },
  ]);
});

test('files that are no readable codebook are refused with what to do', () => {
  const good = codebookToQdc(SAMPLE_LIBRARY_ID, sampleCodebook);
  assertRefused(() => readQdc(''), /not readable XML.*Export the codebook again/);
  assertRefused(() => readQdc('{"codes": []}'), /not readable XML/);
  assertRefused(() => readQdc(good.slice(0, good.length / 2)), /not readable XML: it is cut off/);
  assertRefused(() => readQdc('<Project xmlns="urn:QDA-XML:project:1.0" name="p"/>'), /holds a <Project> where a \.qdc holds a <CodeBook>/);
  assertRefused(() => readQdc('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>'), /holds no codes/);
  assertRefused(() => readQdc('<CodeBook><Codes><Code guid="0A1B2C3D-4E5F-4A6B-8C7D-8E9F0A1B2C3D"/></Codes></CodeBook>'), /has no name \(GUID 0A1B2C3D/);
  assertRefused(
    () => readQdc('<CodeBook><Codes><Code guid="{0A1B2C3D-4E5F-4A6B-8C7D-8E9F0A1B2C3D}" name="A"/><Code guid="0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d" name="B"/></Codes></CodeBook>'),
    /share the GUID/,
  );
});
