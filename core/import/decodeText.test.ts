import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExcerptError } from '../../common/errors.ts';
import { encodeSingleByte } from '../testing/legacyBytes.ts';
import { decodeText } from './decodeText.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const utf16 = (text: string, order: 'le' | 'be') => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  return order === 'le' ? le : Buffer.from(le).swap16();
};

const russian = 'Министерство иностранных дел Российской Федерации выступает за универсальную конвенцию.\r\nМосква, 19 ноября 2021 года';
const scripts = {
  uzbekLatin: 'Oʻzbekiston Respublikasi Tashqi ishlar vazirligi bayonoti: gʻalaba va hamkorlik',
  uzbekCyrillic: 'Ўзбекистон Республикаси Ташқи ишлар вазирлиги баёноти: ғалаба ва ҳамкорлик',
  arabic: 'بيان صحفي صادر عن وزارة الخارجية بشأن الأمن السيبراني',
  russian: 'Заявление МИД России 😊',
};

test('UTF-8 text loses its byte-order mark and gets "\\n" line ends', () => {
  assert.equal(decodeText(bytes('\uFEFFTitle\r\nline two\rline three\n')), 'Title\nline two\nline three\n');
  assert.equal(decodeText(bytes('Заявление 😊')), 'Заявление 😊');
});

test('UTF-16 with a byte-order mark (Windows "Unicode" text) is read too', () => {
  assert.equal(decodeText(utf16('Déclaration\r\n', 'le')), 'Déclaration\n');
  assert.equal(decodeText(utf16('Déclaration\r\n', 'be')), 'Déclaration\n');
});

test('Uzbek Latin (with U+02BB), Uzbek Cyrillic, Arabic and Russian arrive intact in UTF-8 and UTF-16', () => {
  for (const [name, text] of Object.entries(scripts)) {
    assert.equal(decodeText(bytes(text)), text, `${name} in UTF-8`);
    assert.equal(decodeText(bytes(`\uFEFF${text}`)), text, `${name} in UTF-8 with a byte-order mark`);
    assert.equal(decodeText(utf16(text, 'le')), text, `${name} in UTF-16LE`);
    assert.equal(decodeText(utf16(text, 'be')), text, `${name} in UTF-16BE`);
  }
  assert.ok(decodeText(bytes(scripts.uzbekLatin)).includes('\u02BB'), 'the modifier letter turned comma is kept, not replaced by an apostrophe');
});

test('text that is not UTF-8 is read in the legacy encoding it uses: Windows-1251, KOI8-R, Windows-1252', () => {
  const expected = russian.replace('\r\n', '\n');
  assert.equal(decodeText(encodeSingleByte(russian, 'windows-1251')), expected);
  assert.equal(decodeText(encodeSingleByte(russian, 'koi8-r')), expected);
  assert.equal(decodeText(encodeSingleByte('Déclaration de Stéphane à Genève', 'windows-1252')), 'Déclaration de Stéphane à Genève');
  assert.equal(decodeText(Uint8Array.from([0x53, 0x74, 0xe9, 0x70, 0x68])), 'Stéph');
});

test('a declared encoding wins over detection; a UTF-8 byte-order mark wins over the declaration', () => {
  // Two letters are too few to guess from; the declaration settles it.
  const short = encodeSingleByte('Ёж', 'koi8-r');
  assert.equal(decodeText(short, { declaredCharset: 'koi8-r' }), 'Ёж');
  assert.equal(decodeText(encodeSingleByte(russian, 'windows-1251'), { declaredCharset: 'cp1251' }), russian.replace('\r\n', '\n'));
  assert.equal(decodeText(bytes('\uFEFFЗаявление'), { declaredCharset: 'koi8-r' }), 'Заявление');
  // A page that claims UTF-8 (or UTF-16, or a label nobody knows) but is not is still read.
  assert.equal(decodeText(encodeSingleByte(russian, 'koi8-r'), { declaredCharset: 'utf-8' }), russian.replace('\r\n', '\n'));
  assert.equal(decodeText(bytes('Заявление'), { declaredCharset: 'utf-16' }), 'Заявление');
  assert.equal(decodeText(bytes('Заявление'), { declaredCharset: 'no-such-charset' }), 'Заявление');
});

test('binary content and empty files are refused with a reason', () => {
  const refused = (input: Uint8Array, reason: RegExp) =>
    assert.throws(() => decodeText(input), (e: unknown) => e instanceof ExcerptError && e.code === 'unsupported' && reason.test(e.message));
  refused(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]), /binary file/);
  // Junk without a single NUL byte: control bytes give it away.
  const junk = Uint8Array.from({ length: 4096 }, (_, i) => ((i * 7919) % 255) + 1);
  refused(junk, /binary file/);
  refused(bytes(''), /empty/);
  refused(bytes(' \n\t\r\n  \n'), /empty/);
  refused(bytes('\uFEFF'), /empty/);
});
