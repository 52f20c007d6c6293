/**
 * The decisions of a sync, pure: what to upload from local state, and what a server's changes
 * mean here. Local changes are found by comparing with what was last agreed with the server (a
 * snapshot), so whatever changed while offline is simply sent on the next sync.
 */
import { gpodderTime, parseGpodderTime } from './time';
import type { EpisodeAction, QueueStateItem, StateItem } from './types';

/** Same share as the player's: past 95 % an episode counts as played. */
export const PLAYED_SHARE = 0.95;

export interface LocalPlayState {
  position: number;
  duration: number | null;
  played: boolean;
  updatedAt: number;
}

export interface EpisodeRef {
  podcast: string;
  episode: string;
  guid?: string;
}

/**
 * The action that tells other devices about a play state, or null when there is nothing they
 * could use. `play` always carries started, position and total (AntennaPod ignores it otherwise);
 * played is position = total; back to unplayed at 0 is `new`.
 */
export function actionFor(state: LocalPlayState, ref: EpisodeRef, device: string): EpisodeAction | null {
  const base = { podcast: ref.podcast, episode: ref.episode, device, timestamp: gpodderTime(state.updatedAt), ...(ref.guid ? { guid: ref.guid } : {}) };
  const total = state.duration !== null && state.duration > 0 ? Math.round(state.duration) : null;
  if (state.played) {
    const end = total ?? Math.max(1, Math.floor(state.position));
    return { ...base, action: 'play', started: 0, position: end, total: end };
  }
  const position = Math.floor(state.position);
  if (position <= 0) return { ...base, action: 'new' };
  if (total === null) return null;
  return { ...base, action: 'play', started: 0, position: Math.min(position, total), total };
}

/** What a server action means for the episode's play state here, or null when nothing. */
export function stateFromAction(action: EpisodeAction): LocalPlayState | null {
  const at = parseGpodderTime(action.timestamp);
  if (at === null) return null;
  if (action.action === 'new') return { position: 0, duration: null, played: false, updatedAt: at };
  if (action.action !== 'play' || action.position === undefined) return null;
  const total = action.total !== undefined && action.total > 0 ? action.total : null;
  const played = total !== null && action.position >= total * PLAYED_SHARE;
  return { position: action.position, duration: total, played, updatedAt: at };
}

/** The newest play/new action per episode URL (a download may list several). */
export function latestPerEpisode(actions: readonly EpisodeAction[]): EpisodeAction[] {
  const best = new Map<string, { action: EpisodeAction; at: number }>();
  for (const action of actions) {
    if (action.action !== 'play' && action.action !== 'new') continue;
    const at = parseGpodderTime(action.timestamp);
    if (at === null) continue;
    const key = `${action.podcast}\u0000${action.episode}`;
    const seen = best.get(key);
    if (!seen || at >= seen.at) best.set(key, { action, at });
  }
  return [...best.values()].map((b) => b.action);
}

/** Shows followed or dropped here since the last agreed list. */
export function subscriptionChanges(current: readonly string[], agreed: readonly string[]): { add: string[]; remove: string[] } {
  const now = new Set(current);
  const before = new Set(agreed);
  return { add: current.filter((u) => !before.has(u)), remove: agreed.filter((u) => !now.has(u)) };
}

/**
 * What the server's list changes here: follow what others added, drop what others removed. A
 * show this device itself just added or removed is left as this device has it (its upload is newer).
 */
export function applyRemoteSubscriptions(
  remote: { add: readonly string[]; remove: readonly string[] },
  current: readonly string[],
  uploaded: { add: readonly string[]; remove: readonly string[] },
): { follow: string[]; drop: string[] } {
  const here = new Set(current);
  const mineAdded = new Set(uploaded.add);
  const mineRemoved = new Set(uploaded.remove);
  const removed = new Set(remote.remove);
  return {
    follow: remote.add.filter((u) => !here.has(u) && !mineRemoved.has(u) && !removed.has(u)),
    drop: remote.remove.filter((u) => here.has(u) && !mineAdded.has(u)),
  };
}

export interface LocalQueueItem {
  /** Enclosure URL. */
  id: string;
  podcast: string;
  order: number;
}

/** Queue items to send: new or moved since the agreed queue, and tombstones for removed ones. */
export function queueChanges(current: readonly LocalQueueItem[], agreed: Readonly<Record<string, number>>, now: number): QueueStateItem[] {
  const out: QueueStateItem[] = [];
  const ids = new Set<string>();
  for (const item of current) {
    ids.add(item.id);
    if (agreed[item.id] !== item.order) out.push({ id: item.id, podcast: item.podcast, order: item.order, updatedAt: now });
  }
  for (const id of Object.keys(agreed)) if (!ids.has(id)) out.push({ id, deleted: true, updatedAt: now });
  return out;
}

/** The queue the server's state describes, in play order (tombstones dropped). */
export function queueFromState(items: readonly StateItem[]): LocalQueueItem[] {
  return items
    .filter((i): i is QueueStateItem => !i.deleted && typeof i.podcast === 'string' && typeof i.order === 'number' && Number.isFinite(i.order))
    .map((i) => ({ id: i.id, podcast: i.podcast!, order: i.order! }))
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
}
