/**
 * Sync server speed on each database: episode actions accepted per second (AntennaPod-sized batches
 * of 30 from 4 clients at once, and 1000-action batches from one), and the round trip of one play
 * position from device A to device B (A's POST, then B's GET since its last timestamp). The server runs
 * in its own process; PostgreSQL is a throw-away cluster with its default durability (fsync on).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { startChild } from './child';
import { findInitdb, startPgCluster, type PgCluster } from '../../tests/server/pg-cluster';
import { openDatabase } from '../../server/sync/db/open';
import { createUser } from '../../server/sync/store/users';

const ACTIONS = Number(process.env.BENCH_SYNC_ACTIONS ?? 20_000);
const ROUND_TRIPS = 50;
const FEED = 'https://feeds.example.com/bench.xml';

async function post(url: string, cookie: string, body: unknown): Promise<{ timestamp: number }> {
  const res = await request(url, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.body.text();
  if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}: ${text}`);
  return JSON.parse(text) as { timestamp: number };
}

function actions(from: number, n: number, device: string) {
  return Array.from({ length: n }, (_, i) => ({
    podcast: FEED,
    episode: `https://cdn.example.com/bench/${from + i}.mp3`,
    device,
    action: 'play',
    timestamp: new Date(Date.now() - 1000).toISOString().slice(0, 19),
    started: 0,
    position: 60 + ((from + i) % 3000),
    total: 3600,
  }));
}

/** Actions per second for `clients` uploading batches of `batch` at once, until `total` are in. */
async function throughput(url: string, cookie: string, total: number, batch: number, clients: number, offset: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let from = next; from < total; from = next) {
        next += batch;
        await post(url, cookie, actions(offset + from, Math.min(batch, total - from), `bench-${c}`));
      }
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

async function measure(kind: string, env: Record<string, string>): Promise<string> {
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL ?? null, dataDir: env.HOPCAST_DATA_DIR ?? '' });
  await createUser(db, 'bench', 'bench password');
  await db.close();
  const server = await startChild(
    'server/index.ts',
    [],
    { HOST: '127.0.0.1', PORT: '0', HOPCAST_DIST_DIR: '/nonexistent-hopcast-dist', HOPCAST_SYNC: '1', HOPCAST_RATE_LIMIT: '1000000', ...env },
    /running at (http:\/\/\S+)/,
  );
  try {
    const base = server.match[1];
    const login = await request(`${base}/api/2/auth/bench/login.json`, { method: 'POST', headers: { authorization: `Basic ${Buffer.from('bench:bench password').toString('base64')}` } });
    await login.body.dump();
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    const episodes = `${base}/api/2/episodes/bench.json`;
    await post(episodes, cookie, actions(50 * ACTIONS, 100, 'warm-up'));

    const small = await throughput(episodes, cookie, ACTIONS, 30, 4, 0);
    const large = await throughput(episodes, cookie, ACTIONS, 1000, 1, ACTIONS);

    const trips: number[] = [];
    let since = (await post(episodes, cookie, [])).timestamp;
    for (let i = 0; i < ROUND_TRIPS; i++) {
      const t = performance.now();
      await post(episodes, cookie, [{ ...actions(10 * ACTIONS + i, 1, 'phone')[0], position: 100 + i }]);
      const res = await request(`${episodes}?since=${since}`, { headers: { cookie } });
      const got = JSON.parse(await res.body.text()) as { actions: Array<{ position?: number }>; timestamp: number };
      if (!got.actions.some((a) => a.position === 100 + i)) throw new Error('device B did not get the position');
      trips.push(performance.now() - t);
      since = got.timestamp;
    }
    return `| ${kind} | ${Math.round(small)} | ${Math.round(large)} | ${pct(trips, 0.5).toFixed(1)} | ${pct(trips, 0.95).toFixed(1)} |`;
  } finally {
    server.child.kill();
  }
}

export async function run(): Promise<string> {
  const lines = [
    `${ACTIONS} play actions per shape; round trip = device A's POST of one position + device B's GET since (${ROUND_TRIPS} runs)`,
    '| database | actions/s, batches of 30, 4 clients | actions/s, batches of 1000 | round trip median ms | p95 ms |',
    '|---|---|---|---|---|',
  ];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hopcast-sync-bench-'));
  try {
    lines.push(await measure('SQLite (WAL)', { HOPCAST_DATA_DIR: dir }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (!findInitdb()) {
    lines.push('| PostgreSQL | skipped: initdb not found | | | |');
    return lines.join('\n');
  }
  let cluster: PgCluster | null = null;
  try {
    cluster = await startPgCluster({ durable: true });
    lines.push(await measure('PostgreSQL 15 (unix socket, fsync on)', { DATABASE_URL: await cluster.createDatabase('bench') }));
  } finally {
    await cluster?.stop();
  }
  return lines.join('\n');
}
