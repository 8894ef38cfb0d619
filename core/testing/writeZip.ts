/// For tests: a zip archive written byte by byte, so that a test can build what a zip library
/// would refuse to write: sizes that lie, entries that share their bytes or a name, encrypted
/// flags, bytes packed beforehand (a ZIP bomb).
import { deflateSync } from 'fflate';
import { crc32 } from 'node:zlib';

/// One entry to write.
export interface ZipPart {
  name: string;
  data: Uint8Array | string;
  /// Stored as is instead of deflated.
  store?: boolean;
  /// The unpacked size the archive states, when it should not be the true one.
  statedSize?: number;
  /// Marked as encrypted (the bytes are not actually encrypted).
  encrypted?: boolean;
  /// Points at the bytes of the earlier entry of this name instead of its own (overlap).
  shareDataWith?: string;
  /// Bytes deflated already, written as they are in place of `data` (which then only gives the
  /// checksum); with `statedSize`, the size they are said to unpack to.
  packed?: Uint8Array;
}

/// The bytes of a zip archive holding `parts` in order.
export function writeZip(parts: readonly ZipPart[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  let offset = 0;
  const push = (chunk: Uint8Array) => {
    chunks.push(chunk);
    offset += chunk.length;
  };
  const written = new Map<string, { offset: number; crc: number; packed: number; size: number; method: number }>();
  const directory: Uint8Array[] = [];
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const flags = (part.encrypted ? 0x0001 : 0) | 0x0800; // 0x0800: the name is UTF-8
    let local = part.shareDataWith ? written.get(part.shareDataWith) : undefined;
    if (!local) {
      const data = typeof part.data === 'string' ? Buffer.from(part.data) : part.data;
      const packed = part.packed ?? (part.store ? data : deflateSync(data));
      local = { offset, crc: crc32(data), packed: packed.length, size: part.statedSize ?? data.length, method: part.store ? 0 : 8 };
      written.set(part.name, local);
      push(header(0x04034b50, [[20, 2], [flags, 2], [local.method, 2], [0, 4], [local.crc, 4], [local.packed, 4], [local.size, 4], [name.length, 2], [0, 2]], name));
      push(packed);
    }
    directory.push(header(0x02014b50, [
      [20, 2], [20, 2], [flags, 2], [local.method, 2], [0, 4], [local.crc, 4], [local.packed, 4], [local.size, 4],
      [name.length, 2], [0, 2], [0, 2], [0, 2], [0, 2], [0, 4], [local.offset, 4],
    ], name));
  }
  const directoryOffset = offset;
  for (const record of directory) push(record);
  push(header(0x06054b50, [[0, 2], [0, 2], [parts.length, 2], [parts.length, 2], [offset - directoryOffset, 4], [directoryOffset, 4], [0, 2]]));
  return Buffer.concat(chunks);
}

function header(signature: number, fields: [value: number, bytes: 2 | 4][], tail: Uint8Array = new Uint8Array(0)): Uint8Array {
  const length = 4 + fields.reduce((sum, [, bytes]) => sum + bytes, 0);
  const out = Buffer.alloc(length + tail.length);
  out.writeUInt32LE(signature, 0);
  let at = 4;
  for (const [value, bytes] of fields) {
    if (bytes === 2) out.writeUInt16LE(value, at);
    else out.writeUInt32LE(value >>> 0, at);
    at += bytes;
  }
  out.set(tail, length);
  return out;
}
