/// The Electron window's security decisions as plain functions: which pages it may show,
/// which requests it may make, which links may leave for the system browser, and when.
import { contentSecurityPolicy } from '../common/csp.ts';

/// The privileged scheme the app's own pages are served from: app://excerpt/index.html.
export const APP_SCHEME = 'app';
/// The one host of the scheme; other hosts are foreign.
export const APP_HOST = 'excerpt';
/// The origin the ipc checks callers against.
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/// The page the window opens.
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/// The CSP header every app:// response carries (the same policy the loopback host sends).
export const appContentSecurityPolicy = contentSecurityPolicy;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/// True for a page of the app itself (app://excerpt/...).
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/// The window may only ever show the app's own pages; every other navigation is refused.
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/// What the page itself may load: its own files, inline images and blobs it made, and the
/// developer tools. Nothing from the network: the app works offline by construction.
export function isAllowedRequest(url: string): boolean {
  const parsed = parse(url);
  if (parsed === null) return false;
  return isAppUrl(url) || ['data:', 'blob:', 'devtools:'].includes(parsed.protocol);
}

/// Links that may be handed to the system (browser, mail client): https: pages and mailto:
/// addresses, nothing that could run or read something locally.
export function isAllowedExternalUrl(url: string): boolean {
  const parsed = parse(url);
  if (parsed === null) return false;
  if (parsed.protocol === 'mailto:') return true;
  return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

/// How recent a click or Enter must be for a new-window request to count as the analyst's.
export const USER_ACTIVATION_MS = 1_000;

/// A `setWindowOpenHandler` handler: never opens an Electron window; hands an allowed link
/// to `openExternal` only right after the analyst clicked or pressed a key in the page,
/// so a script cannot open pages on its own.
export function createWindowOpenHandler(
  openExternal: (url: string) => void,
  lastUserActivationAt: () => number,
  now: () => number = Date.now,
): (details: { url: string }) => { action: 'deny' } {
  return ({ url }) => {
    if (isAllowedExternalUrl(url) && now() - lastUserActivationAt() <= USER_ACTIVATION_MS) openExternal(url);
    return { action: 'deny' };
  };
}

const activationInputs = new Set(['mouseUp', 'rawKeyDown', 'keyDown', 'touchEnd', 'gestureTap']);

/// True for the input events that count as the analyst's own action in the page (as
/// webContents' 'input-event' names them): a click, a key press, a tap.
export function isUserActivation(inputType: string): boolean {
  return activationInputs.has(inputType);
}

/// Every permission request (camera, notifications, clipboard read, ...) is denied:
/// Excerpt needs none of them.
export function denyPermissionRequest(_webContents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

/// Every permission check is answered "no" as well.
export function denyPermissionCheck(): boolean {
  return false;
}
