import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { afterAll, beforeAll, describe, vi } from 'vitest';
import { startTestServer } from './helpers';
import { findInitdb, startPgCluster, type PgCluster } from './pg-cluster';
import type { RunningServer } from '../../server/index';
import { openDatabase } from '../../server/sync/db/open';
import type { SqlDb } from '../../server/sync/db/types';
import { createUser } from '../../server/sync/store/users';

/** One database the sync server runs on in a test: its settings, a direct handle, and a server on it. */
export interface Backend {
  readonly kind: 'sqlite' | 'postgres';
  /** HOPCAST_DATA_DIR or DATABASE_URL for a server on this database. */
  env: Record<string, string>;
  db: SqlDb;
  server: RunningServer;
  /** Another server on the same database, with more settings. */
  startServer(extra?: Record<string, string>): Promise<RunningServer>;
  addUser(name: string, password?: string): Promise<void>;
}

export const PASSWORD = 'correct horse battery';
const INITDB = findInitdb();
export const PG_SKIP = INITDB ? null : 'initdb not found (Debian package postgresql): the PostgreSQL backend is not tested here';

let databases = 0;

/**
 * Runs `suite` once per database: SQLite in a temp folder, and PostgreSQL in a throw-away cluster
 * (skipped, with the reason in the suite's name, only where initdb is absent).
 */
export function forEachBackend(suite: (b: Backend) => void, serverEnv: Record<string, string> = {}): void {
  // Every password check is a real scrypt (0.1 s, more on a loaded machine): give tests room.
  vi.setConfig({ testTimeout: 60_000 });
  for (const kind of ['sqlite', 'postgres'] as const) {
    const title = kind === 'sqlite' ? 'SQLite' : PG_SKIP ? `PostgreSQL (SKIPPED: ${PG_SKIP})` : 'PostgreSQL';
    describe.skipIf(kind === 'postgres' && PG_SKIP !== null)(title, () => {
      const servers: RunningServer[] = [];
      let cluster: PgCluster | null = null;
      let dir = '';
      const backend = { kind } as Backend & { env: Record<string, string> };
      beforeAll(async () => {
        if (kind === 'sqlite') {
          dir = mkdtempSync(path.join(os.tmpdir(), 'hopcast-sync-'));
          backend.env = { HOPCAST_DATA_DIR: dir };
        } else {
          if (!PG_SKIP) console.info('sync tests: starting a throw-away PostgreSQL cluster');
          cluster = await startPgCluster();
          backend.env = { DATABASE_URL: await cluster.createDatabase(`hopcast_${process.pid}_${++databases}`) };
        }
        backend.db = await openDatabase({ databaseUrl: backend.env.DATABASE_URL ?? null, dataDir: dir });
        backend.startServer = async (extra = {}) => {
          const s = await startTestServer({ HOPCAST_SYNC: '1', ...serverEnv, ...backend.env, ...extra });
          servers.push(s);
          return s;
        };
        backend.addUser = async (name, password = PASSWORD) => {
          if (!(await createUser(backend.db, name, password))) throw new Error(`user ${name} exists`);
        };
        backend.server = await backend.startServer();
      }, 180_000);
      afterAll(async () => {
        await Promise.all(servers.map((s) => s.close()));
        await backend.db?.close();
        await cluster?.stop();
        if (dir) rmSync(dir, { recursive: true, force: true });
      }, 60_000);
      suite(backend);
    });
  }
}

export const basic = (name: string, password = PASSWORD) => `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`;

/** A sync client the way the Hopcast app talks: Basic on every request, JSON in and out. */
export async function call(server: RunningServer, method: string, pathAndQuery: string, opts: { auth?: string | null; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.auth) headers.authorization = opts.auth;
  if (opts.body !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(`${server.url}${pathAndQuery}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
  });
  const text = await res.text();

  const json = text ? JSON.parse(text) : null;
  return { status: res.status, headers: res.headers, json, text };
}

/**
 * A request the way native gpodder clients (urllib, OkHttp) make it: node:http, none of the
 * Sec-Fetch-* headers fetch() adds, so the server treats it as a client, not as a page script.
 */
export function nativeRequest(url: string, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
