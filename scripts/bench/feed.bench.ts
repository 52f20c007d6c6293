/**
 * Feed engine benchmark: parse + normalize throughput of Hopcast against the peers on the largest
 * corpus feeds, refresh (known fingerprints) against first parse, and the module's bundle weight.
 * Run with `npm run bench` (all benches) or `npx tsx scripts/bench/feed.bench.ts`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import { parseFeed as feedsmithParse } from 'feedsmith';
import { parseFeed as partytimeParse } from 'podcast-partytime';
import { build } from 'vite';
import { parseFeed } from '../../src/core/feed/index';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = path.resolve(root, '..', 'shared', 'corpus', 'feeds');
const FEEDS = 6;
const ROUNDS = 5;
/** Each parser's process runs this many times, in alternating order; its best median counts. */
const PASSES = 3;

interface Feed {
  name: string;
  bytes: number;
  text: string;
}

type Parser = (text: string) => unknown;

function largestFeeds(): Feed[] {
  return fs
    .readdirSync(corpus)
    .filter((f) => f.endsWith('.xml') && !/BROKEN|NOTXML/.test(f))
    .map((name) => ({ name, bytes: fs.statSync(path.join(corpus, name)).size }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, FEEDS)
    .map(({ name, bytes }) => ({ name, bytes, text: parseDecoded(path.join(corpus, name)) }));
}

/** Every parser gets the same decoded text, so the comparison is parse + normalize only. */
function parseDecoded(file: string): string {
  return new TextDecoder().decode(fs.readFileSync(file));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median ms per feed for each parser; rounds interleave parsers so machine noise hits all alike. */
function measure(feeds: Feed[], parsers: Record<string, Parser>): Record<string, number[]> {
  const samples: Record<string, number[][]> = {};
  for (const name of Object.keys(parsers)) samples[name] = feeds.map(() => []);
  for (let round = 0; round < ROUNDS + 2; round++) {
    for (const [name, parse] of Object.entries(parsers)) {
      feeds.forEach((feed, i) => {
        const t0 = performance.now();
        parse(feed.text);
        const ms = performance.now() - t0;
        if (round >= 2) samples[name][i]?.push(ms);
      });
    }
  }
  const out: Record<string, number[]> = {};
  for (const [name, perFeed] of Object.entries(samples)) out[name] = perFeed.map(median);
  return out;
}

/** Best ms of each variant on one feed, given as bytes and as text (rounds interleave variants). */
function measureInputs(bytes: Uint8Array, text: string, variants: Record<string, (b: Uint8Array, t: string) => unknown>): Record<string, number> {
  const samples: Record<string, number[]> = {};
  for (let round = 0; round < ROUNDS + 2; round++) {
    for (const [name, fn] of Object.entries(variants)) {
      const t0 = performance.now();
      fn(bytes, text);
      const ms = performance.now() - t0;
      if (round >= 2) (samples[name] ??= []).push(ms);
    }
  }
  const out: Record<string, number> = {};
  for (const [name, values] of Object.entries(samples)) out[name] = Math.min(...values);
  return out;
}

interface Size {
  min: number;
  gz: number;
}

const sizeOf = (code: string): Size => ({ min: code.length, gz: zlib.gzipSync(code, { level: 9 }).length });

/** Minified (and gzipped) size of a bundle of `entrySource`, every chunk together. */
async function gzipSize(entrySource: string): Promise<Size> {
  const dir = fs.mkdtempSync(path.join(root, 'node_modules', '.bench-entry-'));
  try {
    const entry = path.join(dir, 'entry.ts');
    fs.writeFileSync(entry, entrySource);
    const result = await build({
      configFile: false,
      logLevel: 'silent',
      root,
      build: { write: false, minify: true, target: 'es2022', lib: { entry, formats: ['es'], fileName: 'out' } },
    });
    let code = '';
    for (const out of [result].flat()) {
      if ('output' in out) for (const chunk of out.output) if (chunk.type === 'chunk') code += chunk.code;
    }
    return sizeOf(code);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The bridge built as the app builds it: its own chunk (what the page loads) and the worker's. */
async function bridgeSizes(): Promise<{ page: Size; worker: Size }> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root,
    worker: { format: 'es' },
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      rolldownOptions: { input: path.join(root, 'src/workers/feed-bridge.ts'), preserveEntrySignatures: 'strict' },
    },
  });
  let page = '';
  let worker = '';
  for (const out of [result].flat()) {
    if (!('output' in out)) continue;
    for (const file of out.output) {
      if (file.type === 'chunk') page += file.code;
      else if (file.fileName.includes('feed.worker')) worker += String(file.source);
    }
  }
  return { page: sizeOf(page), worker: sizeOf(worker) };
}

const kb = (n: number): string => (n / 1024).toFixed(1) + ' KB';
const pad = (s: string, n: number): string => s.padEnd(n);

const PARSERS = ['hopcast', 'podcast-partytime', 'feedsmith', 'fast-xml-parser (bare)'] as const;
type ParserName = (typeof PARSERS)[number];

function makeParser(name: ParserName): Parser {
  switch (name) {
    case 'hopcast':
      return (t) => parseFeed(t);
    case 'podcast-partytime':
      return (t) => partytimeParse(t, { allowMissingGuid: true });
    case 'feedsmith':
      return (t) => feedsmithParse(t);
    case 'fast-xml-parser (bare)': {
      // The least any parser built on it must ask for: attributes (enclosure URLs live there).
      const bare = new XMLParser({ ignoreAttributes: false });
      return (t) => bare.parse(t);
    }
  }
}

/**
 * Each parser is timed in its own process: two of them share this fast-xml-parser copy, and
 * sharing one JIT state across different option sets would slow whichever runs second.
 */
function measureIsolated(name: ParserName): number[] {
  const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', name], {
    encoding: 'utf8',
    env: { ...process.env, PARTYTIME_LOG: 'silent' },
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop() as string) as number[];
}

export async function run(): Promise<string> {
  const feeds = largestFeeds();
  const totalBytes = feeds.reduce((sum, f) => sum + f.bytes, 0);
  const timings: Record<string, number[]> = {};
  // Other work on the machine slows whichever process runs at that moment: alternate the order
  // across passes and keep each parser's best pass.
  for (let pass = 0; pass < PASSES; pass++) {
    const order = pass % 2 === 0 ? [...PARSERS] : [...PARSERS].reverse();
    for (const name of order) {
      const perFeed = measureIsolated(name);
      const best = timings[name];
      timings[name] = best ? best.map((ms, i) => Math.min(ms, perFeed[i])) : perFeed;
    }
  }

  const lines: string[] = [];
  lines.push(`Feed engine — ${feeds.length} largest corpus feeds, ${(totalBytes / 1e6).toFixed(2)} MB; ` + `per feed the best of ${PASSES} processes' medians of ${ROUNDS} rounds`);
  lines.push(`  ${feeds.map((f) => `${f.name} (${kb(f.bytes)})`).join('\n  ')}`);
  const throughput: Record<string, number> = {};
  lines.push('', `${pad('parser', 24)}${pad('MB/s', 9)}${pad('largest ms', 12)}vs hopcast`);
  for (const [name, perFeed] of Object.entries(timings)) {
    const ms = perFeed.reduce((a, b) => a + b, 0);
    throughput[name] = totalBytes / 1e6 / (ms / 1000);
  }
  const ours = throughput.hopcast;
  for (const [name, perFeed] of Object.entries(timings)) {
    const mbs = throughput[name];
    lines.push(`${pad(name, 24)}${pad(mbs.toFixed(1), 9)}${pad(perFeed[0].toFixed(1), 12)}${(ours / mbs).toFixed(2)}x`);
  }
  const peers = ['podcast-partytime', 'feedsmith'];
  const fastestPeer = peers.reduce((a, b) => (throughput[a] >= throughput[b] ? a : b));
  const ratio = ours / throughput[fastestPeer];
  lines.push(`first parse vs fastest peer (${fastestPeer}): ${ratio.toFixed(2)}x (target ≥ 1.10x) ${ratio >= 1.1 ? 'PASS' : 'FAIL'}`);

  // Refresh: the same copy again with every item known, and with the newest item new. Bytes in,
  // as the app's worker receives them; the text-input figure is given for comparison.
  const refreshRows: string[] = [];
  const totals = { first: 0, refresh: 0, oneNew: 0, firstText: 0, refreshText: 0 };
  for (const feed of feeds) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(corpus, feed.name)));
    const fromBytes = parseFeed(bytes);
    const fromText = parseFeed(feed.text);
    const all = new Set(fromBytes.episodes.map((e) => e.fingerprint));
    const allButNewest = new Set(fromBytes.episodes.slice(1).map((e) => e.fingerprint));
    const allText = new Set(fromText.episodes.map((e) => e.fingerprint));
    const t = measureInputs(bytes, feed.text, {
      first: (b) => parseFeed(b),
      refresh: (b) => parseFeed(b, undefined, { known: all }),
      oneNew: (b) => parseFeed(b, undefined, { known: allButNewest }),
      firstText: (_b, x) => parseFeed(x),
      refreshText: (_b, x) => parseFeed(x, undefined, { known: allText }),
    });
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += t[key] ?? 0;
    const [f, r, o] = [t.first ?? 0, t.refresh ?? 0, t.oneNew ?? 0];
    refreshRows.push(`${pad(feed.name, 48)}${pad(f.toFixed(1), 10)}${pad(r.toFixed(2), 10)}${pad(o.toFixed(2), 12)}${(f / r).toFixed(1)}x`);
  }
  lines.push('', `${pad('refresh, bytes in (best ms)', 48)}${pad('first', 10)}${pad('refresh', 10)}${pad('1 new item', 12)}speedup`);
  lines.push(...refreshRows);
  const speedup = totals.first / totals.refresh;
  lines.push(
    `refresh vs first parse, all feeds, bytes in: ${speedup.toFixed(1)}x (target ≥ 10x) ${speedup >= 10 ? 'PASS' : 'FAIL'}; ` +
      `with one new item: ${(totals.first / totals.oneNew).toFixed(1)}x; ` +
      `text in: ${(totals.firstText / totals.refreshText).toFixed(1)}x`,
  );

  const feedModule = await gzipSize(`export { parseFeed, FeedError } from ${JSON.stringify(path.join(root, 'src/core/feed/index.ts'))};\n`);
  const fxpOnly = await gzipSize(`export { XMLParser } from 'fast-xml-parser';\n`);
  const bridge = await bridgeSizes();
  lines.push(
    '',
    `bundle (min / min+gzip): feed module ${kb(feedModule.min)} / ${kb(feedModule.gz)}, ` +
      `fast-xml-parser alone ${kb(fxpOnly.min)} / ${kb(fxpOnly.gz)}, ` +
      `feed code on top ${kb(feedModule.gz - fxpOnly.gz)} gz`,
    `as the app ships it: feed-bridge chunk on the page ${kb(bridge.page.min)} / ${kb(bridge.page.gz)}, ` + `feed.worker chunk ${kb(bridge.worker.min)} / ${kb(bridge.worker.gz)}`,
  );
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const child = process.argv.indexOf('--child');
  if (child !== -1) {
    const name = process.argv[child + 1] as ParserName;
    const timings = measure(largestFeeds(), { [name]: makeParser(name) });
    console.log(JSON.stringify(timings[name]));
  } else {
    void run().then((report) => console.log(report));
  }
}
