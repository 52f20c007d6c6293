/**
 * The app shell's budget: the JS and CSS index.html loads or preloads must stay within 30 KB
 * min+gzip, so the first screen of a phone on a slow network is quick. Runs on the build the e2e
 * setup made (the production build), and prints every lazy chunk's size for the record.
 */
import { expect, test } from 'vitest';
import { distDir } from './harness';
import { formatShell, kb, measureShell } from '../../scripts/shell-size';

export const SHELL_BUDGET_BYTES = 30_000;

test(`the app shell stays within ${kb(SHELL_BUDGET_BYTES)} min+gzip`, () => {
  const report = measureShell(distDir());
  console.log(formatShell(report));
  expect(
    report.shell.some((f) => f.file.endsWith('.js')),
    'index.html loads no script: the measure is broken',
  ).toBe(true);
  expect(report.shellGzip, formatShell(report)).toBeLessThanOrEqual(SHELL_BUDGET_BYTES);
  // The player and the feed parser are not part of the first screen.
  for (const f of report.shell) expect(f.file).not.toMatch(/PlayerDock|feed\.worker/);
});
