/**
 * Backup size and speed for a library of 10,000 episodes in 17 shows, worst case: every episode
 * has a play state (position or played mark), 50 are queued, plus settings. Episodes themselves
 * are not in a backup (they come back from the feeds), so play states are what grows it.
 * Runs the app's own export and import planning on fake-indexeddb in Node (relative speed only).
 * Run with `npm run bench -- backup`.
 */
import 'fake-indexeddb/auto';
import { gzipSync } from 'node:zlib';
import type { PlayState } from '../../src/core/types';

const EPISODES = 10_000;
const SHOWS = 17;

export async function run(): Promise<string> {
  (globalThis as { __APP_VERSION__?: string }).__APP_VERSION__ = 'bench';
  const { db } = await import('../../src/db/open');
  const { buildBackup, previewImport } = await import('../../src/state/backup/backup');
  const { parseBackup } = await import('../../src/core/backup');

  const database = await db();
  const tx = database.transaction(['podcasts', 'playState', 'queue', 'settings'], 'readwrite');
  for (let s = 0; s < SHOWS; s++) {
    const id = `https://feeds.example.com/podcasts/show-${s}/feed.xml`;
    void tx.objectStore('podcasts').put({
      id,
      feedUrl: id,
      title: `A realistic show title number ${s}`,
      author: 'Bench',
      description: '',
      image: null,
      link: null,
      language: 'en',
      categories: [],
      funding: [],
      persons: [],
      subscribedAt: 1_700_000_000_000,
      lastRefreshAt: null,
      lastError: null,
      etag: null,
      lastModified: null,
      newCount: 0,
      order: s,
    });
  }
  for (let n = 0; n < EPISODES; n++) {
    const show = n % SHOWS;
    const state: PlayState = {
      episodeId: `https://feeds.example.com/podcasts/show-${show}/feed.xml\u0000${crypto.randomUUID()}`,
      position: ((n * 37) % 3600) + 0.25,
      duration: 3600,
      played: n % 3 === 0,
      updatedAt: 1_700_000_000_000 + n * 1000,
    };
    void tx.objectStore('playState').put(state);
    if (n < 50) void tx.objectStore('queue').put({ episodeId: state.episodeId, order: (n + 1) * 1024 });
  }
  for (const [k, v] of [
    ['skipBack', 10],
    ['skipForward', 30],
    ['downloads.keepNext', 3],
  ] as const)
    void tx.objectStore('settings').put(v, k);
  await tx.done;

  let t = performance.now();
  const text = JSON.stringify(await buildBackup());
  const exportMs = performance.now() - t;
  const bytes = Buffer.byteLength(text);
  const gz = gzipSync(text).length;
  t = performance.now();
  const parsed = parseBackup(text);
  const parseMs = performance.now() - t;
  t = performance.now();
  const preview = await previewImport(parsed, 'merge');
  const previewMs = performance.now() - t;
  return [
    `library: ${SHOWS} shows, ${EPISODES} episodes each with a play state, 50 queued, 3 settings`,
    `backup size: ${(bytes / 1024 / 1024).toFixed(2)} MB JSON (${(bytes / EPISODES).toFixed(0)} bytes per episode), ${(gz / 1024).toFixed(0)} KB gzipped`,
    `export (read stores + JSON): ${exportMs.toFixed(0)} ms; validate: ${parseMs.toFixed(0)} ms; preview against the same library: ${previewMs.toFixed(0)} ms (${preview.total} changes, fake-indexeddb)`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await run());
