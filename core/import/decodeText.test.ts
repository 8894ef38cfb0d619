import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExcerptError } from '../../common/errors.ts';
import { decodeText } from './decodeText.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

test('UTF-8 text loses its byte-order mark and gets "\\n" line ends', () => {
  assert.equal(decodeText(bytes('\uFEFFTitle\r\nline two\rline three\n')), 'Title\nline two\nline three\n');
  assert.equal(decodeText(bytes('Заявление 😊')), 'Заявление 😊');
});

test('UTF-16 with a byte-order mark (Windows "Unicode" text) is read too', () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Déclaration\r\n', 'utf16le')]);
  assert.equal(decodeText(le), 'Déclaration\n');
  const be = Buffer.from(le.subarray(2)).swap16();
  assert.equal(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be])), 'Déclaration\n');
});

test('invalid UTF-8, binary content and empty files are refused with a reason', () => {
  const refused = (input: Uint8Array, reason: RegExp) =>
    assert.throws(() => decodeText(input), (e: unknown) => e instanceof ExcerptError && e.code === 'unsupported' && reason.test(e.message));
  refused(Uint8Array.from([0x53, 0x74, 0xe9, 0x70, 0x68]), /not valid UTF-8.*save it as UTF-8/);
  refused(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]), /NUL bytes, so it is a binary file/);
  refused(bytes(''), /empty/);
  refused(bytes(' \n\t\r\n  \n'), /empty/);
  refused(bytes('\uFEFF'), /empty/);
});
