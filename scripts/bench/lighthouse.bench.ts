/**
 * Lighthouse 12 (mobile: emulated phone, simulated slow 4G and 4× CPU) against `npm start`, in Debian
 * Chromium with a fresh profile; prints the four category scores, FCP, LCP, TBT, CLS and the shell
 * size. The server runs as a child process (its work is not this process's), its proxy sealed to a
 * closed loopback port so the first run's default shows never send a packet off the machine.
 */
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/e2e/browser';
import { formatShell, kb, measureShell } from '../shell-size';
import { startChild } from './child';

const root = path.resolve(import.meta.dirname, '../..');
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

interface Scores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  failing: string[];
  longTasks: string[];
  shifts: string[];
}

/** The long tasks Lighthouse saw (simulated duration, where they started and whose script they ran). */
function longTasks(details: unknown): string[] {
  const items = (details as { items?: Array<{ url?: string; duration?: number; startTime?: number }> } | undefined)?.items ?? [];
  return items.map((t) => `${Math.round(t.duration ?? 0)} ms at ${Math.round(t.startTime ?? 0)} ms (${(t.url ?? '').replace(/^https?:\/\/[^/]+/, '') || 'unattributed'})`);
}

/** The layout shifts Lighthouse attributes, biggest first: which element moved and by how much it scored. */
function layoutShifts(details: unknown): string[] {
  const items = (details as { items?: Array<{ score?: number; node?: { selector?: string; nodeLabel?: string } }> } | undefined)?.items ?? [];
  return items.map((s) => `${(s.score ?? 0).toFixed(3)} ${s.node?.selector ?? 'unattributed'}${s.node?.nodeLabel ? ` “${s.node.nodeLabel.replace(/\s+/g, ' ').slice(0, 40)}”` : ''}`);
}

async function audit(url: string): Promise<Scores> {
  const port = await freePort();
  const profile = mkdtempSync(path.join(os.tmpdir(), 'hopcast-lighthouse-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`],
  });
  try {
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
    if (!result) throw new Error('Lighthouse returned no result');
    const { categories, audits } = result.lhr;
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    const value = (id: string) => audits[id]?.numericValue ?? NaN;
    const failing = Object.values(categories)
      .flatMap((c) => c.auditRefs.filter((r) => r.weight > 0).map((r) => audits[r.id]))
      .filter((a) => a && a.score !== null && a.score < 0.9)
      .map((a) => `${a.id} (${a.displayValue ?? a.score})`);
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      fcp: value('first-contentful-paint'),
      lcp: value('largest-contentful-paint'),
      tbt: value('total-blocking-time'),
      cls: value('cumulative-layout-shift'),
      failing: [...new Set(failing)],
      longTasks: longTasks(audits['long-tasks']?.details),
      shifts: layoutShifts(audits['layout-shifts']?.details),
    };
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export async function run(): Promise<string> {
  const closed = await freePort();
  const { child, match } = await startChild(
    'scripts/start.ts',
    [],
    { PORT: '0', HOST: '127.0.0.1', HOPCAST_PROXY_ALLOW: `127.0.0.1:${closed}`, HOPCAST_APPLE_SEARCH_URL: `http://127.0.0.1:${closed}/search`, PODCASTINDEX_API_KEY: '', PODCASTINDEX_API_SECRET: '' },
    /running at (http:\/\/\S+)/,
  );
  try {
    // localhost, not 127.0.0.1: a secure context, as a real install would be over HTTPS.
    const url = match[1].replace('127.0.0.1', 'localhost') + '/';
    const runs: Scores[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await audit(url));
    const median = (pick: (s: Scores) => number) => [...runs].map(pick).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
    const lines = [
      `${RUNS} runs, mobile (Moto G Power emulation, simulated slow 4G, 4× CPU), fresh profile each; median [min–max]:`,
      ...(
        [
          ['performance', (s: Scores) => s.performance, (n: number) => String(n)],
          ['accessibility', (s: Scores) => s.accessibility, (n: number) => String(n)],
          ['best practices', (s: Scores) => s.bestPractices, (n: number) => String(n)],
          ['SEO', (s: Scores) => s.seo, (n: number) => String(n)],
          ['FCP', (s: Scores) => s.fcp, (n: number) => `${Math.round(n)} ms`],
          ['LCP', (s: Scores) => s.lcp, (n: number) => `${Math.round(n)} ms`],
          ['TBT', (s: Scores) => s.tbt, (n: number) => `${Math.round(n)} ms`],
          ['CLS', (s: Scores) => s.cls, (n: number) => n.toFixed(3)],
        ] as const
      ).map(([name, pick, fmt]) => {
        const values = runs.map(pick);
        return `  ${name.padEnd(15)} ${fmt(median(pick))} [${fmt(Math.min(...values))}–${fmt(Math.max(...values))}]`;
      }),
      `  audits under 0.9 in any run: ${[...new Set(runs.flatMap((r) => r.failing))].join(', ') || 'none'}`,
      `  long tasks (last run): ${runs.at(-1)!.longTasks.join('; ') || 'none'}`,
      `  layout shifts (last run): ${runs.at(-1)!.shifts.join('; ') || 'none'}`,
    ];
    const shell = measureShell(path.join(root, 'dist'));
    lines.push(`shell ${kb(shell.shellGzip)} (budget 30 KB)`, formatShell(shell));
    return lines.join('\n');
  } finally {
    child.kill('SIGTERM');
  }
}
