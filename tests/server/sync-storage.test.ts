import { execFile } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { basic, call, forEachBackend } from './sync-helpers';
import { migrate, MIGRATIONS } from '../../server/sync/db/migrations';
import { openDatabase } from '../../server/sync/db/open';
import { toPgPlaceholders } from '../../server/sync/db/postgres';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** `npm run --silent sync:adduser -- …` with the password on stdin, as an operator runs it. */
function adduser(env: Record<string, string>, args: string[], stdin: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile('npm', ['run', '--silent', 'sync:adduser', '--', ...args], { cwd: ROOT, env: { ...process.env, ...env }, timeout: 60_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(stdin);
  });
}

it('PostgreSQL placeholders are numbered in order', () => {
  expect(toPgPlaceholders('INSERT INTO t (a, b) VALUES (?, ?), (?, ?)')).toBe('INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)');
});

forEachBackend((b) => {
  it('migrations are recorded once and a second (or concurrent) start applies nothing', async () => {
    const { rows } = await b.db.exec('SELECT version FROM sync_migrations ORDER BY version');
    expect(rows.map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version));
    const again = await Promise.all([migrate(b.db), migrate(b.db)]);
    expect(again).toEqual([[], []]);
    const other = await openDatabase({ databaseUrl: b.env.DATABASE_URL ?? null, dataDir: b.env.HOPCAST_DATA_DIR ?? '' });
    await other.close();
  });

  it('sync:adduser creates an account from stdin, refuses a second one, and --reset ends old sessions', { timeout: 180_000 }, async () => {
    const created = await adduser(b.env, ['zoe'], 'first password\n');
    expect(created).toMatchObject({ code: 0, stdout: 'Created sync user zoe\n' });
    const session = (await call(b.server, 'POST', '/api/2/auth/zoe/login.json', { auth: basic('zoe', 'first password') })).headers.get('set-cookie')!.split(';')[0];
    expect((await call(b.server, 'GET', '/api/2/devices/zoe.json', { headers: { cookie: session } })).status).toBe(200);

    const twice = await adduser(b.env, ['zoe'], 'other password\n');
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/exists already/);
    const weak = await adduser(b.env, ['yan'], 'short\n');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/at least 8 characters/);

    const reset = await adduser(b.env, ['--reset', 'zoe'], 'second password\n');
    expect(reset.code).toBe(0);
    expect((await call(b.server, 'GET', '/api/2/devices/zoe.json', { headers: { cookie: session } })).status).toBe(401);
    // A fresh server instance (no credential cache) checks the stored hash: only the new password opens.
    const fresh = await b.startServer();
    expect((await call(fresh, 'POST', '/api/2/auth/zoe/login.json', { auth: basic('zoe', 'first password') })).status).toBe(401);
    expect((await call(fresh, 'POST', '/api/2/auth/zoe/login.json', { auth: basic('zoe', 'second password') })).status).toBe(200);
    const { rows } = await b.db.exec("SELECT password_hash FROM sync_users WHERE name = 'zoe'");
    expect(String(rows[0].password_hash)).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
  });

  it('concurrent batches over the same episodes, in opposite orders through two instances, all land with the newest position', async () => {
    await b.addUser('par');
    const other = await b.startServer();
    const batch = (position: number, second: number) =>
      Array.from({ length: 300 }, (_, i) => ({
        podcast: 'https://f.example/rss',
        episode: `https://f.example/${i}.mp3`,
        action: 'play',
        timestamp: `2026-11-30T10:00:${String(second).padStart(2, '0')}`,
        started: 0,
        position,
        total: 1000,
      }));
    const sends = Array.from({ length: 6 }, (_, k) => {
      const body = k % 2 ? batch(100 + k, 10 + k).reverse() : batch(100 + k, 10 + k);
      return call(k % 2 ? other : b.server, 'POST', '/api/2/episodes/par.json', { auth: basic('par'), body });
    });
    expect((await Promise.all(sends)).map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const stored = (await call(b.server, 'GET', '/api/2/episodes/par.json', { auth: basic('par') })).json.actions as Array<{ position: number }>;
    expect(stored).toHaveLength(300);
    expect(new Set(stored.map((a) => a.position))).toEqual(new Set([105]));
  });

  it('two server instances on one database see each other’s writes and sessions (load-balancer setup)', async () => {
    await b.addUser('lb');
    const other = await b.startServer();
    const login = await call(b.server, 'POST', '/api/2/auth/lb/login.json', { auth: basic('lb') });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    await call(b.server, 'POST', '/api/2/episodes/lb.json', {
      headers: { cookie },
      body: [{ podcast: 'https://f.example/rss', episode: 'https://f.example/1.mp3', action: 'play', started: 0, position: 77, total: 100 }],
    });
    const seen = await call(other, 'GET', '/api/2/episodes/lb.json', { headers: { cookie } });
    expect(seen.status).toBe(200);
    expect(seen.json.actions[0].position).toBe(77);
  });
});
