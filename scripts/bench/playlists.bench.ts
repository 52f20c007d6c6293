/**
 * Smart playlists: how long one evaluation of a filter takes over a large library (it runs on every
 * library change, for each smart playlist shown). 20,000 synthetic episodes over 40 shows, seeded
 * so every run sees the same library. Run with `npm run bench playlists`.
 */
import { DEFAULT_FILTER, evaluateSmartFilter, type FilterEpisode } from '../../src/core/playlists/smart-filter';
import type { SmartFilter } from '../../src/core/playlists/types';

const EPISODES = 20_000;
const SHOWS = 40;
const RUNS = 50;

function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

export async function run(): Promise<string> {
  const r = rng(42);
  const now = Date.UTC(2026, 0, 1);
  const episodes: FilterEpisode[] = Array.from({ length: EPISODES }, (_, i) => ({
    id: `show-${i % SHOWS}\u0000guid-${i}`,
    podcastId: `show-${i % SHOWS}`,
    published: now - Math.floor(r() * 3650) * 86_400_000,
    duration: r() < 0.05 ? null : Math.floor(300 + r() * 7200),
    played: r() < 0.6 ? 1 : 0,
  }));
  const filters: Array<[string, SmartFilter]> = [
    ['unplayed from 2 shows, under 45 min, newest first', { ...DEFAULT_FILTER, podcastIds: ['show-1', 'show-2'], maxMinutes: 45 }],
    ['every show, any state, shortest first', { ...DEFAULT_FILTER, played: 'any', sort: 'shortest' }],
    ['unplayed, last 30 days, at most 50', { ...DEFAULT_FILTER, withinDays: 30, limit: 50 }],
  ];
  const lines = [`${EPISODES} episodes, ${SHOWS} shows, ${RUNS} runs each (ms per evaluation):`];
  for (const [name, filter] of filters) {
    const times: number[] = [];
    let count = 0;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      count = evaluateSmartFilter(filter, episodes, { now, downloaded: new Set() }).length;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    lines.push(`- ${name}: ${count} episodes, p50 ${percentile(times, 0.5).toFixed(2)}, p95 ${percentile(times, 0.95).toFixed(2)}`);
  }
  return lines.join('\n');
}
