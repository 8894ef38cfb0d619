/// The open document survives a reload: its id sits in the page URL's hash beside the
/// host's token (`#token=…&doc=12`).
import { hashParams, updateHashParams } from './hashParams.ts';

export function rememberedDocumentId(): number | null {
  const id = Number(hashParams().get('doc'));
  return Number.isInteger(id) && id > 0 ? id : null;
}

export function rememberDocumentId(id: number | null): void {
  updateHashParams({ doc: id === null ? null : String(id) });
}
