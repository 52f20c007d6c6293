import Database from 'better-sqlite3';
import type { ExecResult, Param, SqlDb, SqlTx } from './types';

/**
 * SQLite through better-sqlite3. The driver is synchronous and one connection serves everything,
 * so an async transaction would let another request's statements slip into it at each `await`:
 * every statement and transaction therefore takes its turn on one promise chain.
 */
export class SqliteDb implements SqlDb {
  readonly dialect = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private turn: Promise<unknown> = Promise.resolve();

  constructor(file: string) {
    this.db = new Database(file);
    // WAL lets `sync:adduser` write while the server reads; busy_timeout makes the two wait instead of failing.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('synchronous = NORMAL');
  }

  private run(sql: string, params: readonly Param[]): ExecResult {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      if (this.statements.size > 500) this.statements.clear();
      this.statements.set(sql, stmt);
    }
    if (stmt.reader) return { rows: stmt.all(...params) as ExecResult['rows'], changes: 0 };
    return { rows: [], changes: stmt.run(...params).changes };
  }

  private inTurn<T>(fn: () => T | Promise<T>): Promise<T> {
    const result = this.turn.then(fn);
    this.turn = result.catch(() => undefined);
    return result;
  }

  exec(sql: string, params: readonly Param[] = []): Promise<ExecResult> {
    return this.inTurn(() => this.run(sql, params));
  }

  transaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T> {
    return this.inTurn(async () => {
      const tx: SqlTx = { exec: async (sql, params = []) => this.run(sql, params) };
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(tx);
        this.db.exec('COMMIT');
        return result;
      } catch (err) {
        this.db.exec('ROLLBACK');
        throw err;
      }
    });
  }

  async close(): Promise<void> {
    await this.inTurn(() => this.db.close());
  }
}
