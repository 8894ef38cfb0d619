/// Builds the renderer into build/renderer (what the loopback host and Electron serve).
import { build } from 'vite';
import { join } from 'node:path';

await build({ configFile: join(import.meta.dirname, '..', 'renderer', 'vite.config.ts'), logLevel: 'warn' });
