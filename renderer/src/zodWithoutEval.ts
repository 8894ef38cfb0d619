/// Zod probes `new Function` when it builds its first object schema. The page's CSP has no
/// 'unsafe-eval', so the probe is reported as a violation; jitless mode skips it. main.tsx
/// imports this first, before common/api.ts builds any schema.
import { config } from 'zod';

config({ jitless: true });
