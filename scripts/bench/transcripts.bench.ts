/**
 * Transcript search at the size the issue asks about: 10,000 episodes, 300 one-hour transcripts
 * (~9,000 words each) from a seeded synthetic library (transcripts/library.ts). Measures, in a
 * worker thread as in the app: index build time while the main thread's timers keep running (its
 * worst delay is "page responsiveness"), query p50/p95 (in the worker, and round trip), the size
 * stored in IndexedDB (segments), reload time from stored segments, and the worker's heap. Then
 * the same cues in MiniSearch as a per-cue document store, for the choice between the two.
 * `npm run bench -- transcripts` (TRANSCRIPT_BENCH_MINISEARCH=0 skips the comparison).
 */
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { segmentBytes, type TranscriptSegment } from '../../src/core/transcript-index/segment';
import type { TranscriptRequest } from '../../src/core/transcript-index/backend';
import { makeLibrary, makeQueries, EPISODES, TRANSCRIPTS } from './transcripts/library';

function startWorker() {
  // Node 20 workers cannot take `--import tsx` for a .ts entry: register tsx inside, then import.
  const href = pathToFileURL(path.join(import.meta.dirname, 'transcripts', 'worker.ts')).href;
  const worker = new Worker(`import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(href)}); })`, { eval: true });
  let next = 1;
  const waiting = new Map<number, (v: unknown) => void>();
  worker.on('message', (m: { id: number; value: unknown }) => {
    waiting.get(m.id)?.(m.value);
    waiting.delete(m.id);
  });
  const call = <T>(msg: object): Promise<T> =>
    new Promise((resolve) => {
      const id = next++;
      waiting.set(id, resolve as (v: unknown) => void);
      worker.postMessage({ ...msg, id });
    });
  return { call, request: <T>(request: TranscriptRequest) => call<T>({ op: 'request', request }), stop: () => worker.terminate() };
}

/** Runs `work` while a 10 ms timer on this thread notes how late it fires: the page's responsiveness. */
async function withLagProbe<T>(work: () => Promise<T>): Promise<{ value: T; maxLagMs: number }> {
  let maxLag = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    maxLag = Math.max(maxLag, now - last - 10);
    last = now;
  }, 10);
  const value = await work();
  clearInterval(timer);
  return { value, maxLagMs: maxLag };
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const f = (ms: number) => `${ms.toFixed(2)} ms`;

export async function run(): Promise<string> {
  const t0 = performance.now();
  const lib = makeLibrary();
  const words = lib.transcripts.reduce((n, t) => n + t.lines.reduce((m, l) => m + l.text.split(' ').length, 0), 0);
  const textBytes = lib.transcripts.reduce((n, t) => n + t.lines.reduce((m, l) => m + l.text.length * 2 + 16, 0), 0);
  const genMs = performance.now() - t0;
  const queries = makeQueries(lib.words, 400);
  const lines: string[] = [];
  lines.push(
    `library: ${EPISODES} episodes, ${TRANSCRIPTS} transcripts, ${words.toLocaleString('en')} words (${Math.round(words / TRANSCRIPTS)} per transcript), generated in ${(genMs / 1000).toFixed(1)} s`,
  );

  // The chosen structure: one compact inverted-index segment per episode.
  const w = startWorker();
  const heapBefore = await w.call<number>({ op: 'heap' });
  const segments: TranscriptSegment[] = [];
  const build = await withLagProbe(async () => {
    const start = performance.now();
    // As in the app: each transcript goes to the worker as it arrives, its segment comes back to be stored.
    for (const input of lib.transcripts) segments.push(await w.request<TranscriptSegment>({ op: 'index', input }));
    return performance.now() - start;
  });
  const heapAfter = await w.call<number>({ op: 'heap' });
  const stored = segments.reduce((n, s) => n + segmentBytes(s), 0);
  const inWorker = await w.call<number[]>({ op: 'time-search', queries });
  const roundTrips: number[] = [];
  for (const q of queries.slice(0, 200)) {
    const s = performance.now();
    await w.request({ op: 'search', query: q, filters: { podcastId: null, onlyIds: null }, limit: 50 });
    roundTrips.push(performance.now() - s);
  }
  await w.stop();

  // Next start: the stored segments handed to a fresh worker, no tokenizing.
  const w2 = startWorker();
  await w2.call({ op: 'heap' });
  const loadStart = performance.now();
  await w2.request({ op: 'load', segments });
  const loadMs = performance.now() - loadStart;
  const heapLoaded = await w2.call<number>({ op: 'heap' });
  await w2.stop();

  lines.push('');
  lines.push('compact inverted index over cue ids, one segment per episode (chosen):');
  lines.push(`  build in the worker: ${(build.value / 1000).toFixed(2)} s (target < 20 s); main thread's worst timer delay meanwhile ${f(build.maxLagMs)}`);
  lines.push(`  query in the worker: p50 ${f(pct(inWorker, 50))}, p95 ${f(pct(inWorker, 95))}, max ${f(pct(inWorker, 100))} over ${inWorker.length} queries (target p95 < 50 ms)`);
  lines.push(`  query round trip from the page: p50 ${f(pct(roundTrips, 50))}, p95 ${f(pct(roundTrips, 95))}`);
  lines.push(`  IndexedDB: segments ${mb(stored)} + stored transcripts (cue text) ~${mb(textBytes)}`);
  lines.push(
    `  worker heap: ${mb((heapAfter - heapBefore) * 1024 * 1024)} for the index after build (${heapAfter.toFixed(1)} MB in all); ${heapLoaded.toFixed(1)} MB after a reload from IndexedDB (target < 150 MB)`,
  );
  lines.push(`  reload from stored segments: ${f(loadMs)}`);

  if (process.env.TRANSCRIPT_BENCH_MINISEARCH !== '0') {
    const m = startWorker();
    const mBefore = await m.call<number>({ op: 'heap' });
    const mBuild = await withLagProbe(async () => {
      const start = performance.now();
      for (const input of lib.transcripts) await m.call({ op: 'ms-add', input });
      return performance.now() - start;
    });
    const mAfter = await m.call<number>({ op: 'heap' });
    const mTimes: number[] = [];
    for (const q of queries) mTimes.push(await m.call<number>({ op: 'ms-search', query: q }));
    const json = await m.call<number>({ op: 'ms-size' });
    await m.stop();
    lines.push('');
    lines.push('MiniSearch, one document per cue (450,000 documents), same tokenizer:');
    lines.push(`  build: ${(mBuild.value / 1000).toFixed(2)} s; main thread's worst timer delay ${f(mBuild.maxLagMs)}`);
    lines.push(`  query: p50 ${f(pct(mTimes, 50))}, p95 ${f(pct(mTimes, 95))}, max ${f(pct(mTimes, 100))}`);
    lines.push(`  serialized (what IndexedDB would hold, rewritten whole on every change): ${mb(json * 2)} as UTF-16`);
    lines.push(`  worker heap: ${mb((mAfter - mBefore) * 1024 * 1024)} for the index`);
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await run());
