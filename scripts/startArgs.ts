/// The options `npm start -- [--port N]` takes.
export interface StartOptions {
  /// The loopback host's port when Electron cannot run; 0 picks a free one.
  port: number;
}

/// Reads the command line; throws an Error whose message says what to type instead.
export function parseStartArgs(argv: string[]): StartOptions {
  const options: StartOptions = { port: 0 };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    if (flag !== '--port') throw new Error(`Unknown option "${argv[i]}". npm start takes only --port N (the library is $EXCERPT_DB, else the desktop app's).`);
    const text = inline ?? argv[++i];
    if (text === undefined || text === '') throw new Error('--port needs a number, for example "--port 4310".');
    if (!/^\d+$/.test(text) || Number(text) > 65_535) throw new Error(`--port takes a number from 0 to 65535, not "${text}".`);
    options.port = Number(text);
  }
  return options;
}
