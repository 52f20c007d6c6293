/**
 * `npm run bench`: runs every scripts/bench/*.bench.ts (each exports `run(): Promise<string>`)
 * one after another, so they do not compete for the machine's cores, and prints each report.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
  .sort();

let failed = false;
for (const file of files) {
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { run?: () => Promise<string> };
  if (typeof mod.run !== 'function') {
    console.error(`${file}: exports no run()`);
    failed = true;
    continue;
  }
  const started = performance.now();
  try {
    const report = await mod.run();
    console.log(`## ${file} (${((performance.now() - started) / 1000).toFixed(1)} s)\n${report}\n`);
  } catch (err) {
    failed = true;
    console.error(`## ${file} failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  }
}
process.exit(failed ? 1 : 0);
