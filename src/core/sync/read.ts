/**
 * Replies from a sync server are outside input like any other: each is checked field by field
 * and rebuilt from known fields, and a bad one fails the sync with a sentence, never half-applied.
 */
import type { ActionKind, ActionsReply, EpisodeAction, HopcastState, StateItem, SubscriptionChanges } from './types';

export class SyncReplyError extends Error {
  override name = 'SyncReplyError';
}

const MAX_URL = 2048;
const ACTIONS: readonly ActionKind[] = ['download', 'play', 'delete', 'new'];

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function bad(what: string): never {
  throw new SyncReplyError(`The sync server sent a reply Hopcast cannot use (${what}).`);
}

function urls(v: unknown, what: string): string[] {
  if (!Array.isArray(v)) bad(`${what} is not a list`);
  return v.filter((u): u is string => typeof u === 'string' && u.length > 0 && u.length <= MAX_URL && /^https?:\/\//i.test(u));
}

function seconds(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) bad(`${what} is not a time`);
  return Math.floor(v);
}

export function readSubscriptions(v: unknown): SubscriptionChanges {
  if (!isObj(v)) bad('subscriptions');
  return { add: urls(v.add, 'add'), remove: urls(v.remove, 'remove'), timestamp: seconds(v.timestamp, 'timestamp') };
}

const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : undefined);

/** Unusable single actions (unknown kind, no URL) are skipped, as gpodder clients do; the reply shape must hold. */
export function readActions(v: unknown): ActionsReply {
  if (!isObj(v) || !Array.isArray(v.actions)) bad('episode actions');
  const actions: EpisodeAction[] = [];
  for (const a of v.actions) {
    if (!isObj(a) || typeof a.podcast !== 'string' || typeof a.episode !== 'string' || typeof a.timestamp !== 'string') continue;
    const kind = typeof a.action === 'string' ? (a.action.toLowerCase() as ActionKind) : null;
    if (!kind || !ACTIONS.includes(kind) || a.podcast.length > MAX_URL || a.episode.length > MAX_URL) continue;
    const action: EpisodeAction = { podcast: a.podcast, episode: a.episode, action: kind, timestamp: a.timestamp };
    if (typeof a.guid === 'string' && a.guid.length <= MAX_URL) action.guid = a.guid;
    if (typeof a.device === 'string' && a.device.length <= 64) action.device = a.device;
    const [started, position, total] = [count(a.started), count(a.position), count(a.total)];
    if (started !== undefined) action.started = started;
    if (position !== undefined) action.position = position;
    if (total !== undefined) action.total = total;
    actions.push(action);
  }
  return { actions, timestamp: seconds(v.timestamp, 'timestamp') };
}

function items(v: unknown): StateItem[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) bad('a state section is not a list');
  const out: StateItem[] = [];
  for (const item of v) {
    if (!isObj(item) || typeof item.id !== 'string' || typeof item.updatedAt !== 'number' || !Number.isFinite(item.updatedAt)) continue;
    const clean: StateItem = { id: item.id, updatedAt: item.updatedAt };
    if (item.deleted === true) clean.deleted = true;
    for (const [k, val] of Object.entries(item)) {
      if (k === '__proto__' || k === 'constructor' || k === 'prototype' || k in clean || k === 'deleted') continue;
      clean[k] = val;
    }
    out.push(clean);
  }
  return out;
}

export function readState(v: unknown): HopcastState {
  if (!isObj(v)) bad('state');
  return { queue: items(v.queue), playlists: items(v.playlists), bookmarks: items(v.bookmarks), updatedAt: typeof v.updatedAt === 'number' ? v.updatedAt : 0 };
}
