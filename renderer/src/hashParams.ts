/// The page URL's hash is where the renderer keeps what must survive a reload: the host's
/// token, the open document, the library filters (`#token=…&doc=12&tag=3&from=2024-01-01`).
/// Every reader and writer of those parameters goes through here.

/// The parameters in the hash as they stand now.
export function hashParams(): URLSearchParams {
  return new URLSearchParams(location.hash.slice(1));
}

/// Sets the parameters given (null removes one) and keeps the others as they are.
export function updateHashParams(changes: Record<string, string | null>): void {
  const params = hashParams();
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) params.delete(name);
    else params.set(name, value);
  }
  // replaceState: choosing a document or a filter is not a step the Back button should undo.
  history.replaceState(history.state, '', `#${params.toString()}`);
}
