import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeSingleByte } from '../testing/legacyBytes.ts';
import { guessLegacyEncoding } from './legacyEncoding.ts';

const russian = [
  'Министерство иностранных дел Российской Федерации выступает за выработку под эгидой ООН универсальной конвенции.',
  'ЗАЯВЛЕНИЕ ДЛЯ ПРЕССЫ',
  'Москва, 19 ноября 2021 года',
  'Мы поддерживаем роль МСЭ.',
  'Ещё одна встреча',
];
const ukrainian = 'Міністерство закордонних справ України підтримує ініціативу щодо кібербезпеки.';
const western = ['Déclaration conjointe des ministres à Genève', 'Die Außenminister begrüßen die Einigung über Datenschutz', 'Declaración de la Unión'];

test('Russian text is told apart in Windows-1251 and KOI8-R, in lower case, capitals and short lines', () => {
  for (const text of russian) {
    assert.equal(guessLegacyEncoding(encodeSingleByte(text, 'windows-1251')), 'windows-1251', text);
    assert.equal(guessLegacyEncoding(encodeSingleByte(text, 'koi8-r')), 'koi8-r', text);
  }
  assert.equal(guessLegacyEncoding(encodeSingleByte(ukrainian, 'windows-1251')), 'windows-1251');
});

test('Western European text with accented letters inside Latin words is Windows-1252', () => {
  for (const text of western) assert.equal(guessLegacyEncoding(encodeSingleByte(text, 'windows-1252')), 'windows-1252', text);
  const mixed = `${russian[0]} (Ministry of Foreign Affairs, press release No. 2417)`;
  assert.equal(guessLegacyEncoding(encodeSingleByte(mixed, 'windows-1251')), 'windows-1251', 'Cyrillic with some English');
});
