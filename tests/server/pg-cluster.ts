import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, chownSync, realpathSync, rmSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * A throw-away PostgreSQL cluster from Debian's `postgresql` package: initdb in a temp folder,
 * listening only on a unix socket inside it (no TCP port to collide with anyone's, nothing off the
 * machine), as a non-root user because postgres refuses to run as root. Used by the sync tests
 * and `npm run bench -- sync`.
 */
const CANDIDATES = ['/usr/local/bin/initdb', '/usr/bin/initdb', ...['17', '16', '15', '14', '13'].map((v) => `/usr/lib/postgresql/${v}/bin/initdb`)];

/** initdb's path, or null where PostgreSQL is not installed (the tests then skip that backend, saying so). */
export function findInitdb(): string | null {
  const found = CANDIDATES.find((p) => existsSync(p));
  return found ? realpathSync(found) : null;
}

export interface PgCluster {
  /** A new empty database on the cluster, as a DATABASE_URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** Root runs postgres through runuser as the `postgres` user (or `nobody`); anyone else runs it as themselves. */
async function asServerUser(dir: string): Promise<string[]> {
  if (process.getuid?.() !== 0) return [];
  for (const name of ['postgres', 'nobody']) {
    try {
      const uid = Number((await run('id', ['-u', name])).stdout.trim());
      const gid = Number((await run('id', ['-g', name])).stdout.trim());
      chownSync(dir, uid, gid);
      return ['runuser', '-u', name, '--'];
    } catch {
      // try the next user
    }
  }
  throw new Error('Running as root and neither a postgres nor a nobody user exists to run PostgreSQL as');
}

export async function startPgCluster(options: { durable?: boolean } = {}): Promise<PgCluster> {
  const initdb = findInitdb();
  if (!initdb) throw new Error('initdb not found: install Debian postgresql');
  const bin = path.dirname(initdb);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hopcast-pg-'));
  const data = path.join(dir, 'data');
  const as = await asServerUser(dir);
  const exec = (cmd: string, args: string[]) => {
    const argv = [...as, path.join(bin, cmd), ...args];
    return run(argv[0], argv.slice(1), { timeout: 120_000 });
  };
  await exec('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  // Tests do not need crash safety; the bench keeps PostgreSQL's defaults so its figures are honest.
  const speed = options.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=16MB -c max_connections=100';
  try {
    await exec('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-w', '-t', '120', '-o', `-c listen_addresses='' -k ${dir} -p 5432${speed}`, 'start']);
  } catch (err) {
    const log = existsSync(path.join(dir, 'log')) ? readFileSync(path.join(dir, 'log'), 'utf8') : '';
    throw new Error(`pg_ctl start failed: ${err instanceof Error ? err.message : String(err)}\n${log}`);
  }
  const url = (db: string) => `postgresql://postgres@localhost/${db}?host=${encodeURIComponent(dir)}&port=5432`;
  return {
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    async stop() {
      await exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
