/** A row as both drivers return it: column name to value (BIGINT arrives as a number from both). */
export type Row = Record<string, unknown>;
export type Param = string | number | null;

/** What one statement did: its rows (for a SELECT or RETURNING) and how many rows it changed. */
export interface ExecResult {
  rows: Row[];
  changes: number;
}

/** Statements inside one transaction. SQL is written once, with `?` placeholders, in the common dialect. */
export interface SqlTx {
  exec(sql: string, params?: readonly Param[]): Promise<ExecResult>;
}

/**
 * The one seam between the sync store and a database: SQLite (better-sqlite3) and PostgreSQL (pg)
 * both implement it, so every query and migration is written once and runs on both.
 */
export interface SqlDb extends SqlTx {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs `fn` in one transaction: all its statements commit together or none does. */
  transaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
