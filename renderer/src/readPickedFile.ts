/// A chosen file's bytes as importFiles carries them, unless it is too large to read.
import { toBase64 } from './base64.ts';
import { refusalBeforeReading, type PickedFile } from './importableFiles.ts';

/// The file's bytes in base64. Throws an Error that finishes the sentence "<name> was not
/// imported: ..." when the file is too large to read or cannot be read.
export async function readPickedFile({ file }: PickedFile): Promise<string> {
  const refusal = refusalBeforeReading(file.size);
  if (refusal) throw new Error(refusal);
  let buffer: ArrayBuffer;
  try {
    buffer = await file.arrayBuffer();
  } catch {
    throw new Error('it could not be read: it may have been moved or changed since you chose it. Choose it again.');
  }
  return toBase64(new Uint8Array(buffer));
}
