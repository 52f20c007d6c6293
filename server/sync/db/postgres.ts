import pg from 'pg';
import type { ExecResult, Param, Row, SqlDb, SqlTx } from './types';

/** `?` placeholders (the common dialect) to PostgreSQL's `$1, $2…`; our SQL never has `?` inside a literal. */
export function toPgPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

const INT8 = 20;
const builtinParser = pg.types.getTypeParser.bind(pg.types) as (oid: number, format: 'text' | 'binary') => (value: string) => unknown;
/** BIGINT columns hold milliseconds, far below 2^53: read them as numbers, as SQLite does. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8 ? (value: string) => Number(value) : builtinParser(oid, format ?? 'text'))) as typeof pg.types.getTypeParser,
};

/** PostgreSQL through a `pg` pool, so several server instances can share one database. */
export class PostgresDb implements SqlDb {
  readonly dialect = 'postgres' as const;
  private readonly pool: pg.Pool;

  constructor(connectionString: string) {
    // allowExitOnIdle: an idle pool must not keep a finished process (a CLI, a test) alive.
    this.pool = new pg.Pool({ connectionString, types, max: 10, allowExitOnIdle: true });
    // A dropped idle connection must not crash the server; the next query opens a new one.
    this.pool.on('error', (err) => console.error(`sync database: ${err.message}`));
  }

  async exec(sql: string, params: readonly Param[] = []): Promise<ExecResult> {
    const res = await this.pool.query<Row>(toPgPlaceholders(sql), params as Param[]);
    return { rows: res.rows, changes: res.rowCount ?? 0 };
  }

  async transaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const tx: SqlTx = {
      exec: async (sql, params = []) => {
        const res = await client.query<Row>(toPgPlaceholders(sql), params as Param[]);
        return { rows: res.rows, changes: res.rowCount ?? 0 };
      },
    };
    try {
      await client.query('BEGIN');
      const result = await fn(tx);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
