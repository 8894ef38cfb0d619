/// The main process's side of the preload bridge: who may call, and how a call reaches the
/// service and its reply (or error) goes back as plain data.
import { isMethodName, methodNames, type ExcerptApi } from '../common/api.ts';
import { dispatchCall } from '../common/dispatch.ts';
import { asContractError, ExcerptError } from '../common/errors.ts';
import type { IpcReply } from '../common/ipc.ts';
import { eventNames, type ExcerptEventName } from '../common/types.ts';
import type { ExcerptService } from '../core/service.ts';
import { saveExport, type SaveDesk } from './saveExport.ts';
import { isAppUrl } from './security.ts';

function failure(error: ExcerptError): IpcReply {
  return { ok: false, error: error.toJSON() };
}

/// Answers one `invoke` from a renderer: refuses a caller whose frame is not one of the
/// app's own pages and a method the contract does not name, then lets the service validate
/// the arguments (parseArgs) and run. Never throws: ipc cannot carry an error's class.
export async function handleIpcCall(service: ExcerptApi, senderFrameUrl: string | null | undefined, method: unknown, args: unknown): Promise<IpcReply> {
  const stranger = refusedCaller(senderFrameUrl);
  if (stranger) return stranger;
  if (!isMethodName(method)) {
    return failure(new ExcerptError('not-found', `There is no API method called "${String(method)}". Excerpt's methods are: ${methodNames.join(', ')}.`, 'method'));
  }
  try {
    return { ok: true, value: await dispatchCall(service, method, args) };
  } catch (error) {
    if (!(error instanceof ExcerptError)) console.error('Excerpt main process:', error);
    return failure(asContractError(error));
  }
}

/// Answers `invoke(saveExport, file)` from a renderer: refuses a caller that is not one of the
/// app's own pages, then saves where the analyst chooses (saveExport.ts). Never throws.
export async function handleIpcSave(senderFrameUrl: string | null | undefined, file: unknown, desk: SaveDesk): Promise<IpcReply> {
  const stranger = refusedCaller(senderFrameUrl);
  if (stranger) return stranger;
  try {
    return { ok: true, value: await saveExport(file, desk) };
  } catch (error) {
    return failure(asContractError(error));
  }
}

/// The refusal for a caller whose frame is not one of the app's own pages, if it is not.
function refusedCaller(senderFrameUrl: string | null | undefined): IpcReply | undefined {
  if (typeof senderFrameUrl === 'string' && isAppUrl(senderFrameUrl)) return undefined;
  return failure(new ExcerptError('forbidden', `Only Excerpt's own pages may use the library; a page at "${senderFrameUrl ?? '(unknown)'}" asked.`));
}

/// Sends every service event to `send` (in main.ts, `webContents.send` on the one event
/// channel); returns the function that stops it.
export function forwardServiceEvents(service: Pick<ExcerptService, 'on'>, send: (name: ExcerptEventName, payload: unknown) => void): () => void {
  const stops = eventNames.map((name) => service.on(name, (payload) => send(name, payload)));
  return () => stops.forEach((stop) => stop());
}
