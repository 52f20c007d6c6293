/**
 * Episode search: index build time, serialized size and load time, and query latency p50/p95
 * over 10,000 episodes built from the real corpus feeds, queried the way people type: every
 * keystroke of a word is a query (as-you-type), plus two-word queries, typos and filters.
 * Run with `npm run bench search` or `npx tsx scripts/bench/search.bench.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseFeed } from '../../src/core/feed/index';
import { toEpisode } from '../../src/core/library/merge';
import type { Episode } from '../../src/core/types';
import { createEpisodeIndex, loadEpisodeIndex, searchEpisodes, serializeEpisodeIndex, toSearchDoc, tokenize, type SearchDoc } from '../../src/core/search/index';

const root = path.resolve(import.meta.dirname, '..', '..');
const corpus = path.resolve(root, '..', 'shared', 'corpus', 'feeds');
const TARGET = 10_000;

/** Deterministic pseudo-random numbers, so every run asks the same queries. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

function corpusDocs(): { docs: SearchDoc[]; source: string } {
  const docs: SearchDoc[] = [];
  const files = fs.existsSync(corpus)
    ? fs
        .readdirSync(corpus)
        .filter((f) => f.endsWith('.xml'))
        .sort()
    : [];
  for (const file of files) {
    let feed;
    try {
      feed = parseFeed(new Uint8Array(fs.readFileSync(path.join(corpus, file))), `https://corpus.invalid/${file}`);
    } catch {
      continue;
    }
    const podcastId = `https://corpus.invalid/${file}`;
    for (const parsed of feed.episodes) {
      const episode: Episode = toEpisode(parsed, podcastId, 0);
      docs.push(toSearchDoc(episode, feed.title));
    }
  }
  if (docs.length === 0) return { docs: synthetic(TARGET), source: 'synthetic (no corpus found)' };
  // Too many: keep a deterministic sample. Too few: repeat with fresh ids, as a big library would.
  const random = rng(7);
  const pool = [...docs];
  const out: SearchDoc[] = [];
  for (let round = 0; out.length < TARGET; round++) {
    for (const d of pool.sort(() => random() - 0.5)) {
      if (out.length >= TARGET) break;
      out.push(round === 0 ? d : { ...d, id: `${d.id}#${round}` });
    }
  }
  return { docs: out, source: `${files.length} corpus feeds (${docs.length} episodes, sampled to ${TARGET})` };
}

function synthetic(n: number): SearchDoc[] {
  const random = rng(3);
  const words = 'network routing switch firewall cloud automation python ansible kubernetes latency packet vendor design security zero trust wireless bgp ospf segment telemetry observability'.split(
    ' ',
  );
  const pick = (k: number) => Array.from({ length: k }, () => words[Math.floor(random() * words.length)]).join(' ');
  return Array.from({ length: n }, (_, i) => ({
    id: `s${i}`,
    podcastId: `p${i % 20}`,
    title: pick(6),
    notes: pick(80),
    people: pick(2),
    show: `Show ${i % 20}`,
    code: '',
    published: i,
    played: 0 as const,
  }));
}

/** What people type: words that occur in the library, each typed key by key. */
function typedQueries(docs: SearchDoc[], count: number): string[] {
  const random = rng(11);
  const queries: string[] = [];
  while (queries.length < count) {
    const doc = docs[Math.floor(random() * docs.length)];
    const field = random() < 0.5 ? doc.title : doc.notes;
    const words = tokenize(field).filter((w) => w.length >= 3);
    if (words.length === 0) continue;
    const word = words[Math.floor(random() * words.length)];
    const kind = random();
    if (kind < 0.6) {
      // As you type: every prefix is a query.
      for (let i = 1; i <= word.length; i++) queries.push(word.slice(0, i));
    } else if (kind < 0.85 && words.length > 1) {
      const second = words[Math.floor(random() * words.length)];
      queries.push(`${word} ${second}`, `${word} ${second.slice(0, 3)}`);
    } else if (word.length >= 5) {
      // One slip of the finger.
      const at = 1 + Math.floor(random() * (word.length - 2));
      queries.push(word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2));
    }
  }
  return queries.slice(0, count);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function timeIt(fn: () => void): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

function latencies(queries: string[], ask: (q: string) => void): { p50: number; p95: number; max: number } {
  const ms = queries.map((q) => timeIt(() => ask(q))).sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), max: ms[ms.length - 1] };
}

const f = (ms: number) => `${ms.toFixed(2)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The same episodes with every notes field grown to at least `min` characters from other episodes' notes. */
function padded(docs: SearchDoc[], min: number): SearchDoc[] {
  const random = rng(5);
  const long = docs.filter((d) => d.notes.length > 200);
  return docs.map((d) => {
    let notes = d.notes;
    while (notes.length < min && long.length > 0) notes += `\n${long[Math.floor(random() * long.length)].notes}`;
    return { ...d, notes };
  });
}

function scenario(name: string, docs: SearchDoc[]): string[] {
  const lengths = docs.map((d) => d.notes.length).sort((a, b) => a - b);
  const lines = [`### ${name}: ${docs.length} episodes, notes p50 ${percentile(lengths, 50)} / p90 ${percentile(lengths, 90)} chars`];
  const index = createEpisodeIndex();
  lines.push(`build (addAll): ${f(timeIt(() => index.addAll(docs)))}`);
  let json = '';
  lines.push(`serialize: ${f(timeIt(() => (json = serializeEpisodeIndex(index))))}`);
  const gz = zlib.gzipSync(json).length;
  lines.push(`serialized size: ${mb(Buffer.byteLength(json))} (gzip ${mb(gz)}); terms: ${index.termCount}`);
  lines.push(`load (loadJSON): ${f(timeIt(() => loadEpisodeIndex(json)))}`);

  const queries = typedQueries(docs, 2000);
  // Warm the JIT the way a session does before measuring.
  for (const q of queries.slice(0, 200)) searchEpisodes(index, q);
  const plain = latencies(queries, (q) => searchEpisodes(index, q));
  lines.push(`search, ${queries.length} as-you-type queries: p50 ${f(plain.p50)}, p95 ${f(plain.p95)}, max ${f(plain.max)}`);
  for (const [label, test] of [
    ['1 letter', (q: string) => q.length === 1],
    ['2 letters', (q: string) => q.length === 2],
    ['3 letters', (q: string) => q.length === 3],
    ['4+ letters, one word', (q: string) => q.length >= 4 && !q.includes(' ')],
    ['two words', (q: string) => q.includes(' ')],
  ] as const) {
    const some = queries.filter(test);
    const l = latencies(some, (q) => searchEpisodes(index, q));
    lines.push(`  ${label} (${some.length}): p50 ${f(l.p50)}, p95 ${f(l.p95)}`);
  }
  const podcastId = docs[0].podcastId;
  const filtered = latencies(queries, (q) => searchEpisodes(index, q, { podcastId, played: 'unplayed' }));
  lines.push(`search with show + unplayed filters: p50 ${f(filtered.p50)}, p95 ${f(filtered.p95)}, max ${f(filtered.max)}`);
  return lines;
}

export async function run(): Promise<string> {
  const { docs, source } = corpusDocs();
  const lines: string[] = [`source: ${source}`, `target: search p95 < 30 ms`];
  lines.push(...scenario('corpus as parsed', docs));
  // Corpus notes are short (many feeds put one line in <description>); a notes-heavy library is the harder case.
  lines.push(...scenario('notes grown to 1,500+ chars', padded(docs, 1500)));
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await run());
