// Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security), item
// by item, asserted against the configuration the app really uses: the objects and functions
// main.ts wires up, and main.ts itself where a value only exists there (read with the TypeScript
// parser, not by eye). The fuses and the asar come from electron-builder.yml, read with the YAML
// parser electron-builder uses and checked against electron-builder's own schema.
//
// Items that do not apply as written, and what is asserted instead:
// - 1 "Only load secure content" (HTTPS for remote resources): Excerpt loads nothing remote. Every
//   request but app://, data:, blob: (and devtools) is cancelled and the CSP names no remote source.
// - 5 "Permission handlers in all sessions that load remote content": no session loads remote
//   content; the one session there is (the default) denies every request and check all the same.
// - 11 "<webview>: do not use allowpopups", 12 "Verify <webview> options": there are no webviews:
//   the tag is off, attaching one is refused, and no source names one.
// - 16 "Use a current version of Electron": judging "current" needs Electron's release list, which
//   a test cannot fetch. Asserted: an exact pin, installed as pinned, of at least the newest major
//   when this was written (raise OLDEST_CURRENT_MAJOR as Electron moves on).
// - Fuse EnableEmbeddedAsarIntegrityValidation takes effect on macOS and Windows only; Linux has no
//   such check. Fuse LoadBrowserProcessSpecificV8Snapshot is a choice, not a risk: off, since no
//   browser-specific snapshot is shipped.
// - The removed `remote` module: asserted absent (no @electron/remote, no enableRemoteModule).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import Ajv from 'ajv';
import { load } from 'js-yaml';
import { parse as parseHtml, type DefaultTreeAdapterMap } from 'parse5';
import ts from 'typescript';
import type { BrowserWindowConstructorOptions } from 'electron';
import { contentSecurityPolicy } from '../common/csp.ts';
import { appResponseHeaders, appSchemePrivileges } from './appProtocol.ts';
import {
  APP_ENTRY_URL, createWindowOpenHandler, denyPermissionCheck, denyPermissionRequest, isAllowedExternalUrl,
  isAllowedNavigation, isAllowedRequest,
} from './security.ts';
import { createAppWindow } from './window.ts';

const root = join(import.meta.dirname, '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

/// The newest Electron major when this was written (its `latest` release was 45.5.0).
const OLDEST_CURRENT_MAJOR = 45;

/// The window's options as main.ts creates it, packaged.
const web = createAppWindow(class {
  constructor(readonly options: BrowserWindowConstructorOptions) {}
}, { preloadPath: '/app/build/electron/preload.cjs', isPackaged: true }).options.webPreferences!;

/// The project's own files under `dir` (tests, which quote what they look for, left out).
function sourceFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name) && !entry.name.endsWith('.test.ts'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .filter((file) => !file.split('/').includes('node_modules'));
}
const electronSources = sourceFiles('electron', /\.ts$/);

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, read(file), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}
const main = parse('electron/main.ts');

/// Every call under `node` written `callee(…)` (e.g. `contents.on`), with `first` as its first
/// argument when given (a string such as 'will-navigate', or an expression's text).
function calls(node: ts.Node, callee: string, first?: string): ts.CallExpression[] {
  const found: ts.CallExpression[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && n.expression.getText() === callee) {
      const arg = n.arguments[0];
      const firstText = arg === undefined ? undefined : ts.isStringLiteral(arg) ? arg.text : arg.getText();
      if (first === undefined || firstText === first) found.push(n);
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/// The one such call; the test fails when there is none or more than one.
function theCall(node: ts.Node, callee: string, first?: string): ts.CallExpression {
  const found = calls(node, callee, first);
  assert.equal(found.length, 1, `${callee}(${first ?? '…'}) is made once in ${node.getSourceFile().fileName}`);
  return found[0]!;
}

/// The handler every web contents gets as it is created (app.on('web-contents-created', …)).
const everyWebContents = theCall(main, 'app.on', 'web-contents-created').arguments[1]!;

test('2, 3, 4, 6, 8, 9, 10: the window runs isolated and sandboxed, without Node in any frame or worker, with web security, no insecure content and no experimental or extra Blink features', () => {
  assert.equal(web.contextIsolation, true);
  assert.equal(web.sandbox, true);
  assert.equal(web.nodeIntegration, false);
  assert.equal(web.nodeIntegrationInWorker, false);
  assert.equal(web.nodeIntegrationInSubFrames, false);
  assert.equal(web.webSecurity, true);
  assert.equal(web.allowRunningInsecureContent, false);
  assert.equal(web.experimentalFeatures, false);
  assert.equal('enableBlinkFeatures' in web, false);
  // Every renderer sandboxed, whatever its options; and no switch that would undo the above.
  theCall(main, 'app.enableSandbox');
  for (const file of electronSources) assert.doesNotMatch(read(file), /commandLine\.appendSwitch|enableBlinkFeatures|--no-sandbox|disable-web-security/, file);
  // The only window is the one createAppWindow makes.
  const windowsMade = electronSources.filter((file) => /new BrowserWindow\(/.test(read(file)));
  assert.deepEqual(windowsMade, ['electron/window.ts']);
});

test('7: every page has a strict Content-Security-Policy: in the header of every app:// response, and in index.html', () => {
  for (const file of ['/app/build/renderer/index.html', '/app/build/renderer/assets/app.js']) {
    assert.equal(appResponseHeaders(file)['Content-Security-Policy'], contentSecurityPolicy, file);
  }
  const served = theCall(main, 'protocol.handle', 'APP_SCHEME').getText();
  assert.match(served, /appResponseHeaders\(file\)/, 'the app:// handler adds the headers to what it serves');
  assert.deepEqual(sourceFiles('renderer', /\.html$/), ['renderer/index.html'], 'the one page');

  const metas: string[] = [];
  const inlineScripts: string[] = [];
  const visit = (node: DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['document']): void => {
    if ('tagName' in node) {
      const attribute = (name: string) => node.attrs.find((a) => a.name === name)?.value;
      if (node.tagName === 'meta' && attribute('http-equiv')?.toLowerCase() === 'content-security-policy') metas.push(attribute('content') ?? '');
      if (node.tagName === 'script' && attribute('src') === undefined) inlineScripts.push('inline script');
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(parseHtml(read('renderer/index.html')));
  assert.equal(metas.length, 1, 'index.html carries its CSP itself too');
  assert.match(metas[0]!, /(^|; )default-src 'self'(;|$)/);
  assert.doesNotMatch(metas[0]!, /unsafe-inline|unsafe-eval|https?:|\*/);
  assert.deepEqual(inlineScripts, []);
});

test('1, 13: the window shows only the app\'s own pages and loads nothing from the network', () => {
  for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
    const guard = theCall(everyWebContents, 'contents.on', event).arguments[1]!.getText();
    assert.match(guard, /if \(!isAllowedNavigation\(event\.url\)\) event\.preventDefault\(\)/, event);
  }
  assert.equal(isAllowedNavigation(APP_ENTRY_URL), true);
  assert.equal(isAllowedNavigation('https://example.org/'), false);
  assert.equal(web.navigateOnDragDrop, false, 'a dropped file does not replace the page');

  const requests = theCall(main, 'ses.webRequest.onBeforeRequest').getText();
  assert.match(requests, /callback\(\{ cancel: !isAllowedRequest\(details\.url\) \}\)/);
  assert.equal(isAllowedRequest('https://fonts.example/font.woff2'), false);
  assert.equal(isAllowedRequest('http://127.0.0.1:4310/api/listTags'), false);
});

test('14, 15: new windows are always denied; only https: and mailto: links reach shell.openExternal, right after a click', () => {
  const handler = theCall(everyWebContents, 'contents.setWindowOpenHandler').arguments[0]!;
  assert.ok(ts.isCallExpression(handler) && handler.expression.getText() === 'createWindowOpenHandler', 'every web contents gets the handler');
  // The one call of openExternal in the app is the one handed to that handler.
  const openings = electronSources.flatMap((file) => calls(parse(file), 'shell.openExternal').map((call) => ({ file, call })));
  assert.equal(openings.length, 1);
  assert.equal(openings[0]!.file, 'electron/main.ts');
  assert.ok(handler.arguments[0]!.getText().includes(openings[0]!.call.getText()));

  const opened: string[] = [];
  const justClicked = createWindowOpenHandler((url) => opened.push(url), () => Date.now());
  for (const url of ['https://www.itu.int/', 'mailto:press@example.org', 'file:///etc/passwd', 'smb://share/x', 'http://www.itu.int/', 'javascript:alert(1)', APP_ENTRY_URL]) {
    assert.deepEqual(justClicked({ url }), { action: 'deny' }, url);
    assert.equal(opened.includes(url), isAllowedExternalUrl(url), url);
  }
  assert.deepEqual(opened, ['https://www.itu.int/', 'mailto:press@example.org']);
});

test('5: every permission request and check is denied, in the one session the app has', () => {
  assert.equal(theCall(main, 'ses.setPermissionRequestHandler').arguments[0]!.getText(), 'denyPermissionRequest');
  assert.equal(theCall(main, 'ses.setPermissionCheckHandler').arguments[0]!.getText(), 'denyPermissionCheck');
  assert.match(main.getText(), /const ses = session\.defaultSession;/);
  for (const file of electronSources) assert.doesNotMatch(read(file), /fromPartition|partition:/, `${file} makes no other session`);
  let granted: boolean | undefined;
  denyPermissionRequest(null, 'media', (answer) => { granted = answer; });
  assert.equal(granted, false, 'each permission is denied: security.test.ts');
  assert.equal(denyPermissionCheck(), false);
});

test('11, 12: there are no webviews: the tag is off, attaching one is refused, and no page or source names one', () => {
  assert.equal(web.webviewTag, false);
  assert.match(theCall(everyWebContents, 'contents.on', 'will-attach-webview').arguments[1]!.getText(), /event\.preventDefault\(\)/);
  for (const file of [...electronSources, ...sourceFiles('renderer', /\.(tsx?|html)$/)]) {
    assert.doesNotMatch(read(file), /<webview|webviewTag:\s*true|allowpopups/i, file);
  }
});

test('16: Electron is pinned exactly, installed as pinned, and current', () => {
  const pinned = (JSON.parse(read('package.json')) as { devDependencies: Record<string, string> }).devDependencies.electron!;
  assert.match(pinned, /^\d+\.\d+\.\d+$/, 'an exact version');
  assert.equal((JSON.parse(read('node_modules/electron/package.json')) as { version: string }).version, pinned);
  assert.ok(Number(pinned.split('.')[0]) >= OLDEST_CURRENT_MAJOR, `Electron ${pinned} is older than ${OLDEST_CURRENT_MAJOR}`);
});

test('17: the sender of every ipc message is checked before anything runs', () => {
  // The checks themselves refuse foreign frames: ipc.test.ts and saveBeforeClose.test.ts.
  const listeners = [...calls(main, 'ipcMain.handle'), ...calls(main, 'ipcMain.on')];
  assert.ok(listeners.length >= 2);
  for (const listener of listeners) assert.match(listener.arguments[1]!.getText(), /event\.senderFrame\?\.url/, listener.getText().slice(0, 60));
  const answers = parse('electron/saveBeforeClose.ts');
  assert.match(theCall(answers, 'ipc.on').getText(), /ipcChannels\.savedBeforeClose, listener/);
  assert.match(answers.getText(), /event\.sender !== page \|\| id !== requestId \|\| !isAppUrl\(event\.senderFrame\?\.url \?\? ''\)/);
});

test('18: the pages come from the app:// scheme with no extra privileges, never from file://', () => {
  const loads = calls(main, 'window.loadURL');
  assert.deepEqual(loads.map((call) => call.arguments[0]!.getText()), ['APP_ENTRY_URL']);
  assert.match(APP_ENTRY_URL, /^app:\/\/excerpt\//);
  for (const file of electronSources) assert.doesNotMatch(read(file), /\.loadFile\(|['"`]file:\/\//, file);
  assert.deepEqual(appSchemePrivileges, { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true }, 'no bypassCSP, no service workers');
  assert.equal(isAllowedRequest('file:///etc/passwd'), false);
});

test('19: the packaged app\'s fuses are set and the app ships as an asar', () => {
  const config = load(read('electron-builder.yml')) as { electronFuses: Record<string, boolean>; asar: boolean; asarUnpack: string[] };
  const ajv = new Ajv({ strict: false, allErrors: true });
  const valid = ajv.validate(JSON.parse(read('node_modules/app-builder-lib/scheme.json')) as object, config);
  assert.ok(valid, `electron-builder.yml is one electron-builder reads: ${ajv.errorsText()}`);
  assert.deepEqual(config.electronFuses, {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
  });
  assert.equal(config.asar, true);
  assert.deepEqual(config.asarUnpack, ['**/*.node'], 'only the native module stays outside the asar');
});

test('20: the page gets the preload\'s own narrow functions, never Electron\'s objects; and no remote module', () => {
  const preload = parse('electron/preload.ts');
  const exposed = theCall(preload, 'contextBridge.exposeInMainWorld');
  assert.equal((exposed.arguments[0] as ts.StringLiteral).text, 'excerpt');
  const bridge = exposed.arguments[1]!;
  assert.ok(ts.isObjectLiteralExpression(bridge));
  assert.deepEqual(bridge.properties.map((p) => [p.name?.getText(), ts.isMethodDeclaration(p)]),
    [['call', true], ['saveExport', true], ['onSaveBeforeClose', true], ['on', true]], 'functions written here, not Electron\'s passed through');

  const packageJson = JSON.parse(read('package.json')) as { dependencies: object; devDependencies: object };
  assert.equal('@electron/remote' in { ...packageJson.dependencies, ...packageJson.devDependencies }, false);
  for (const file of electronSources) assert.doesNotMatch(read(file), /@electron\/remote|enableRemoteModule/, file);
});
