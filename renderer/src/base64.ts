/// File bytes as base64 (how importFiles carries them), encoded a slice at a time with a
/// pause between slices, so a large file does not freeze the window.

// A multiple of 3, so the slices' base64 joins without padding in between.
const SLICE_BYTES = 3 * 256 * 1024;
// String.fromCharCode takes its arguments on the stack: a few thousand at a time.
const CALL_BYTES = 0x2000;

/// Lets the browser paint and handle input before the work goes on (a message, unlike a
/// timer, is not slowed down in a background tab).
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export async function toBase64(bytes: Uint8Array, pause: () => Promise<void> = nextTask): Promise<string> {
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
    if (at > 0) await pause();
    const slice = bytes.subarray(at, at + SLICE_BYTES);
    let binary = '';
    for (let i = 0; i < slice.length; i += CALL_BYTES) {
      binary += String.fromCharCode(...slice.subarray(i, i + CALL_BYTES));
    }
    parts.push(btoa(binary));
  }
  return parts.join('');
}
