/// The open document survives a reload: its id sits in the page URL's hash beside the
/// host's token (`#token=…&doc=12`).
function hashParams(): URLSearchParams {
  return new URLSearchParams(location.hash.slice(1));
}

export function rememberedDocumentId(): number | null {
  const id = Number(hashParams().get('doc'));
  return Number.isInteger(id) && id > 0 ? id : null;
}

export function rememberDocumentId(id: number | null): void {
  const params = hashParams();
  if (id === null) params.delete('doc');
  else params.set('doc', String(id));
  // replaceState: choosing a document is not a step the Back button should undo.
  history.replaceState(history.state, '', `#${params.toString()}`);
}
