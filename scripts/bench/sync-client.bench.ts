/**
 * Sync round trip against the real sync server (own process, SQLite in a temp folder): device A
 * uploads a play position, device B downloads it (the time another device needs to see a
 * position, network and server included, client-side debounce excluded); and one whole app sync
 * (`syncOnce`: device, subscriptions, episode actions, queue state) with one changed position,
 * on fake-indexeddb. Run with `npm run bench -- sync-client`.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startChild } from './child';
import { SyncClient, type SyncAccount } from '../../src/api/sync-client';

const RUNS = 15;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const max = (xs: number[]) => Math.max(...xs);

export async function run(): Promise<string> {
  const data = mkdtempSync(path.join(os.tmpdir(), 'hopcast-sync-bench-'));
  const server = await startChild(
    'server/index.ts',
    [],
    { HOST: '127.0.0.1', PORT: '0', HOPCAST_SYNC: '1', HOPCAST_SYNC_SIGNUP: '1', HOPCAST_DATA_DIR: data, HOPCAST_RATE_LIMIT: '100000', HOPCAST_DIST_DIR: '/nonexistent-hopcast-dist' },
    /running at (http:\/\/\S+)/,
  );
  try {
    const origin = server.match[1];
    const signup = await fetch(`${origin}/api/2/hopcast/signup.json`, { method: 'POST', body: JSON.stringify({ username: 'bench', password: 'bench password 1' }) });
    if (signup.status !== 201) throw new Error(`signup: ${signup.status}`);
    const account = (device: string): SyncAccount => ({ server: origin, user: 'bench', password: 'bench password 1', device });
    const a = new SyncClient(account('phone-a'));
    const b = new SyncClient(account('phone-b'));
    // First use of the credentials pays one scrypt hash; the server then caches them.
    await a.registerDevice();
    await b.registerDevice();
    const feed = 'https://feeds.example/show.xml';
    let since = (await b.actions(0)).timestamp;
    const trips: number[] = [];
    for (let i = 1; i <= RUNS; i++) {
      const t = performance.now();
      await a.uploadActions([
        { podcast: feed, episode: 'https://cdn.example/ep1.mp3', action: 'play', timestamp: new Date().toISOString().slice(0, 19), started: 0, position: i * 10, total: 3600, device: 'phone-a' },
      ]);
      for (;;) {
        const reply = await b.actions(since);
        if (reply.actions.some((x) => x.position === i * 10)) {
          since = reply.timestamp;
          break;
        }
      }
      trips.push(performance.now() - t);
    }

    (globalThis as { __APP_VERSION__?: string }).__APP_VERSION__ = 'bench';
    const { syncOnce } = await import('../../src/state/sync/engine');
    const { savePosition } = await import('../../src/db/play-state');
    const { writeFeed } = await import('../../src/db/library-writes');
    const { toEpisode } = await import('../../src/core/library/merge');
    const podcast = {
      id: feed,
      feedUrl: feed,
      title: 'Bench show',
      author: null,
      description: '',
      image: null,
      link: null,
      language: null,
      categories: [],
      funding: [],
      persons: [],
      subscribedAt: 1,
      lastRefreshAt: Date.now(),
      lastError: null,
      etag: null,
      lastModified: null,
      newCount: 0,
      order: 0,
    };
    const episode = toEpisode(
      {
        guid: 'guid-1',
        title: 'Bench episode',
        pubDate: null,
        enclosure: { url: 'https://cdn.example/ep1.mp3', type: 'audio/mpeg', length: null },
        duration: 3600,
        season: null,
        episode: null,
        episodeType: null,
        explicit: null,
        chapters: null,
        chaptersType: null,
        transcripts: [],
        persons: [],
        funding: [],
        image: null,
        link: null,
        description: '',
        fingerprint: 'fp-1',
      },
      feed,
      1,
    );
    await writeFeed({ podcast, added: [episode], changed: [], countNew: false });
    const app = account('hopcast-bench');
    await syncOnce(app);
    const whole: number[] = [];
    for (let i = 1; i <= RUNS; i++) {
      await savePosition(`${feed}\u0000guid-1`, i * 5, 3600);
      const t = performance.now();
      await syncOnce(app);
      whole.push(performance.now() - t);
    }
    return [
      `position from device A to device B (upload + download, ${RUNS} runs): median ${median(trips).toFixed(1)} ms, max ${max(trips).toFixed(1)} ms`,
      `one whole app sync after a position change (device, subscriptions up/down, 1 action up, actions down, queue state; ${RUNS} runs): median ${median(whole).toFixed(1)} ms, max ${max(whole).toFixed(1)} ms`,
      `(the app adds a 5 s debounce after a change before it syncs; SQLite backend, loopback)`,
    ].join('\n');
  } finally {
    server.child.kill();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await run());
