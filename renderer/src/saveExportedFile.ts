/// Puts an export where the analyst wants it: in the desktop app through the native save
/// dialog (electron/saveExport.ts, over the preload bridge), in the browser as a download.
import type { SaveExportReply } from '../../common/ipc.ts';
import type { ExportedFile } from '../../common/types.ts';

/// Where the file went (a path, or the download's name); null when the analyst cancelled.
export async function saveExportedFile(file: ExportedFile): Promise<string | null> {
  if (window.excerpt) {
    const reply = (await window.excerpt.saveExport(file)) as SaveExportReply;
    return reply.saved ? reply.path : null;
  }
  const url = URL.createObjectURL(new Blob([bytesOf(file)], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.click();
  // The download has its bytes once it starts; the URL is not needed after that.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return file.filename;
}

function bytesOf(file: ExportedFile): Uint8Array<ArrayBuffer> | string {
  if (file.encoding === 'utf8') return file.content;
  const binary = atob(file.content);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
