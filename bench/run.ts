/// `npm run bench [-- ID...]`: runs every scenario in bench/scenarios/ (or those named) and
/// prints one `BENCH ...` line each on stdout; progress goes to stderr. A file there exports
/// `scenario`, or `scenarios` when several share what they measure on (search.ts).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { reportLine, type Scenario } from './scenario.ts';

const scenariosDir = join(import.meta.dirname, 'scenarios');

async function loadScenarios(): Promise<Scenario[]> {
  const files = readdirSync(scenariosDir).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts')).sort();
  const scenarios: Scenario[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(join(scenariosDir, file)).href)) as { scenario?: Scenario; scenarios?: Scenario[] };
    const found = module.scenarios ?? (module.scenario ? [module.scenario] : []);
    if (found.length === 0) throw new Error(`bench/scenarios/${file} exports no \`scenario\` (nor \`scenarios\`).`);
    for (const scenario of found) {
      if (scenarios.some((known) => known.id === scenario.id)) throw new Error(`bench: two scenarios are called ${scenario.id}.`);
      scenarios.push(scenario);
    }
  }
  return scenarios;
}

const wanted = process.argv.slice(2);
const all = await loadScenarios();
const unknown = wanted.filter((id) => !all.some((scenario) => scenario.id === id));
if (unknown.length > 0) {
  console.error(`bench: no scenario called ${unknown.join(', ')}; there are ${all.map((s) => s.id).join(', ')}.`);
  process.exit(2);
}
for (const scenario of all.filter((s) => wanted.length === 0 || wanted.includes(s.id))) {
  const started = performance.now();
  const measurement = await scenario.run();
  console.log(reportLine(scenario, measurement));
  console.error(`bench: ${scenario.id} took ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
