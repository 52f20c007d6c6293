import type { Param, SqlDb } from '../db/types';
import { insertMany } from './bulk';
import { touchDevices } from './devices';

export type ActionKind = 'download' | 'play' | 'delete' | 'new';

/** One checked episode action; `started`/`position`/`total` are null on anything but `play`. */
export interface EpisodeAction {
  podcast: string;
  episode: string;
  action: ActionKind;
  guid: string | null;
  device: string | null;
  timestampMs: number;
  started: number | null;
  position: number | null;
  total: number | null;
}

const COLUMNS = ['user_id', 'episode', 'action', 'podcast', 'guid', 'device', 'ts_ms', 'started', 'position', 'total', 'changed_ms'];

/**
 * Keeps the newest action of each kind per episode. Within the batch the later one wins before the
 * statement (a row may be updated once per statement); against the table, an equal or later device
 * time replaces the stored one, and a missing guid keeps the one a previous client sent.
 */
export async function recordActions(db: SqlDb, userId: string, actions: readonly EpisodeAction[], now: number): Promise<void> {
  const newest = new Map<string, EpisodeAction>();
  for (const a of actions) {
    const key = `${a.episode}\u0000${a.action}`;
    const held = newest.get(key);
    if (!held || a.timestampMs >= held.timestampMs) newest.set(key, a);
  }
  const rows: Param[][] = [...newest.values()].map((a) => [userId, a.episode, a.action, a.podcast, a.guid, a.device, a.timestampMs, a.started, a.position, a.total, now]);
  await db.transaction(async (tx) => {
    await touchDevices(
      tx,
      userId,
      actions.flatMap((a) => (a.device ? [a.device] : [])),
    );
    await insertMany(
      tx,
      'sync_episode_actions',
      COLUMNS,
      rows,
      `ON CONFLICT (user_id, episode, action) DO UPDATE SET
         podcast = excluded.podcast, guid = COALESCE(excluded.guid, sync_episode_actions.guid), device = excluded.device,
         ts_ms = excluded.ts_ms, started = excluded.started, position = excluded.position, total = excluded.total,
         changed_ms = excluded.changed_ms
       WHERE excluded.ts_ms >= sync_episode_actions.ts_ms`,
      [1, 2],
    );
  });
}

export interface ActionFilter {
  sinceMs: number;
  podcast?: string;
  device?: string;
}

export async function actionsSince(db: SqlDb, userId: string, filter: ActionFilter): Promise<EpisodeAction[]> {
  let sql = `SELECT ${COLUMNS.slice(1, -1).join(', ')} FROM sync_episode_actions WHERE user_id = ? AND changed_ms >= ?`;
  const params: Param[] = [userId, filter.sinceMs];
  if (filter.podcast !== undefined) {
    sql += ' AND podcast = ?';
    params.push(filter.podcast);
  }
  if (filter.device !== undefined) {
    sql += ' AND device = ?';
    params.push(filter.device);
  }
  const { rows } = await db.exec(`${sql} ORDER BY ts_ms, episode, action`, params);
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => ({
    podcast: String(r.podcast),
    episode: String(r.episode),
    action: String(r.action) as ActionKind,
    guid: r.guid === null ? null : String(r.guid as string | number),
    device: r.device === null ? null : String(r.device as string | number),
    timestampMs: Number(r.ts_ms),
    started: num(r.started),
    position: num(r.position),
    total: num(r.total),
  }));
}
