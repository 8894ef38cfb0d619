/// A real `excerpt` process started ahead of its turn, bundled with the command line
/// (excerptProcess.ts). Loading the modules is most of a start; this process does it while
/// the previous one still runs, says "warm", waits for its command line on standard input,
/// then runs it as bin/excerpt does: `main(argv)`, its resolved value the exit status.
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { main } from '../../cli/main.ts';

// The harness's channel: should the harness itself die, so does this process, killed or not.
process.on('disconnect', () => process.exit(1));
process.channel?.unref();

await Promise.all([import('../../cli/commands/serve.ts'), import('../../cli/commands/import.ts')]);
process.stdout.write('warm\n');
const input = createInterface({ input: process.stdin });
const [line] = (await once(input, 'line')) as [string];
// Standard input would keep an import's event loop alive once its files are done.
input.close();
process.stdin.destroy();
process.exitCode = await main(JSON.parse(line) as string[]);
