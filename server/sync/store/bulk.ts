import type { Param, SqlTx } from '../db/types';

/** Rows per statement: 500 × ≤ 11 columns stays far under SQLite's 32766 and PostgreSQL's 65535 parameters. */
const CHUNK = 500;

/**
 * One multi-row `INSERT … VALUES (…),(…) <onConflict>` per chunk: a batch of actions costs a few
 * round trips instead of one per row (what makes PostgreSQL fast here). Rows must have distinct keys
 * (PostgreSQL refuses to update one row twice in a statement): callers de-duplicate first.
 */
export async function insertMany(tx: SqlTx, table: string, columns: readonly string[], rows: readonly Param[][], onConflict: string, keyColumns: readonly number[]): Promise<number> {
  // Every writer takes its row locks in key order, so two PostgreSQL transactions upserting the same rows
  // in different orders wait for each other instead of deadlocking.
  const key = (row: readonly Param[]) => keyColumns.map((i) => String(row[i])).join('\u0000');
  rows = [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  let changed = 0;
  const one = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => one).join(', ')} ${onConflict}`;
    changed += (await tx.exec(sql, chunk.flat())).changes;
  }
  return changed;
}
