/**
 * One sync with a gpodder v2 server: subscriptions both ways, then episode actions (positions and
 * played marks, newest wins), then the queue through the Hopcast extension. Local changes are
 * found against what was last agreed with the server, so offline changes go on the next sync.
 * Tabs take turns through a Web Lock, so two tabs never sync at once.
 */
import { actionFor, applyRemoteSubscriptions, latestPerEpisode, queueChanges, queueFromState, stateFromAction, subscriptionChanges, type EpisodeAction, type LocalQueueItem } from '../../core/sync';
import type { PlayState } from '../../core/types';
import { SyncClient, type SyncAccount } from '../../api/sync-client';
import { isHttpError } from '../../api/http';
import { getEpisodes } from '../../db/episodes';
import { listPlayStates, mergePlayStates } from '../../db/play-state';
import { listPodcasts } from '../../db/podcasts';
import { listQueue, updateQueue } from '../../db/queue';
import { getSetting, setSetting } from '../../db/settings';
import { followShow } from '../backup/core-providers';
import { unsubscribe } from '../subscribe';
import { libraryChanged } from '../library';
import { reloadQueue } from '../queue';
import { refreshHistory } from '../history';
import { announce } from '../tabs';
import { currentEpisode, followOtherTab, isPlaying } from '../player';
import { PROGRESS_KEYS as K } from './account';
import { EpisodeLookup } from './lookup';
import { adoptCollection, bookmarkCollection, collectionChanges, playlistCollection } from './collections';

export interface SyncReport {
  followed: number;
  dropped: number;
  sentActions: number;
  appliedPositions: number;
  queueSynced: boolean;
}

async function syncSubscriptions(client: SyncClient, lookup: EpisodeLookup, report: SyncReport): Promise<void> {
  const current = (await listPodcasts()).map((p) => p.feedUrl);
  const agreed = await getSetting<string[]>(K.subsAgreed, []);
  const mine = subscriptionChanges(current, agreed);
  if (mine.add.length || mine.remove.length) await client.uploadSubscriptions(mine.add, mine.remove);
  const remote = await client.subscriptions(await getSetting<number>(K.subsSince, 0));
  const { follow, drop } = applyRemoteSubscriptions(remote, current, mine);
  for (const url of follow) await followShow(url, '');
  for (const url of drop) {
    const show = (await listPodcasts()).find((p) => p.feedUrl === url || p.id === url);
    if (show) await unsubscribe(show.id);
  }
  report.followed = follow.length;
  report.dropped = drop.length;
  if (follow.length || drop.length) lookup.reset();
  await setSetting(
    K.subsAgreed,
    (await listPodcasts()).map((p) => p.feedUrl),
  );
  await setSetting(K.subsSince, remote.timestamp);
}

/** Play states changed here since the last upload, as actions. */
async function pendingActions(device: string, lookup: EpisodeLookup): Promise<EpisodeAction[]> {
  const since = await getSetting<number>(K.uploadedUntil, 0);
  const states = (await listPlayStates()).filter((s) => s.updatedAt > since);
  const episodes = new Map((await getEpisodes(states.map((s) => s.episodeId))).map((e) => [e.id, e]));
  const actions: EpisodeAction[] = [];
  for (const state of states) {
    const episode = episodes.get(state.episodeId);
    const show = episode && (await lookup.show(episode.podcastId));
    if (!episode?.enclosure || !show) continue;
    const action = actionFor(state, { podcast: show.feedUrl, episode: episode.enclosure.url, guid: episode.guid }, device);
    if (action) actions.push(action);
  }
  return actions;
}

async function syncActions(client: SyncClient, account: SyncAccount, lookup: EpisodeLookup, report: SyncReport): Promise<void> {
  const startedAt = Date.now();
  const outgoing = await pendingActions(account.device, lookup);
  await client.uploadActions(outgoing);
  report.sentActions = outgoing.length;
  await setSetting(K.uploadedUntil, startedAt);

  const reply = await client.actions(await getSetting<number>(K.actionsSince, 0));
  // Actions for episodes not in the library yet (a feed not fetched) wait for a later sync.
  const waiting = await getSetting<EpisodeAction[]>(K.unmatched, []);
  const incoming: PlayState[] = [];
  const unmatched: EpisodeAction[] = [];
  for (const action of latestPerEpisode([...waiting, ...reply.actions])) {
    const state = stateFromAction(action);
    if (!state) continue;
    const episode = await lookup.episode(action.podcast, action.episode, action.guid);
    if (!episode) {
      if (await lookup.show(action.podcast)) unmatched.push(action);
      continue;
    }
    incoming.push({ episodeId: episode.id, position: state.position, duration: state.duration, played: state.played, updatedAt: state.updatedAt });
  }
  const written = await mergePlayStates(incoming);
  report.appliedPositions = written.length;
  await setSetting(K.unmatched, unmatched.slice(-1000));
  await setSetting(K.actionsSince, reply.timestamp);
  // The episode in the player, paused, moves to where another device left it.
  const now = currentEpisode.value;
  const mine = now && written.find((s) => s.episodeId === now.id);
  if (mine && !isPlaying.value) await followOtherTab(mine.episodeId, mine.position);
}

async function localQueue(lookup: EpisodeLookup): Promise<{ items: LocalQueueItem[]; ids: Map<string, string> }> {
  const entries = await listQueue();
  const episodes = new Map((await getEpisodes(entries.map((e) => e.episodeId))).map((e) => [e.id, e]));
  const items: LocalQueueItem[] = [];
  const ids = new Map<string, string>();
  for (const entry of entries) {
    const episode = episodes.get(entry.episodeId);
    const show = episode && (await lookup.show(episode.podcastId));
    if (!episode?.enclosure || !show) continue;
    items.push({ id: episode.enclosure.url, podcast: show.feedUrl, order: entry.order });
    ids.set(episode.enclosure.url, entry.episodeId);
  }
  return { items, ids };
}

/**
 * Queue, playlists and bookmarks through the Hopcast extension, in one request; false when the
 * server does not have it (a plain gpodder server).
 */
async function syncState(client: SyncClient, lookup: EpisodeLookup): Promise<boolean> {
  const now = Date.now();
  const { items } = await localQueue(lookup);
  const agreed = await getSetting<Record<string, number>>(K.queueAgreed, {});
  const queue = queueChanges(items, agreed, now);
  const playlists = await collectionChanges(playlistCollection, await getSetting<Record<string, number>>(K.playlistsAgreed, {}), lookup, now);
  const bookmarks = await collectionChanges(bookmarkCollection, await getSetting<Record<string, number>>(K.bookmarksAgreed, {}), lookup, now);
  const changes = { ...(queue.length ? { queue } : {}), ...(playlists.length ? { playlists } : {}), ...(bookmarks.length ? { bookmarks } : {}) };
  let state;
  try {
    state = Object.keys(changes).length ? await client.putState(changes) : await client.state();
  } catch (err) {
    if (isHttpError(err) && err.status === 404 && err.code !== 'sync_disabled') return false;
    throw err;
  }
  const wanted: Array<{ episodeId: string; order: number; id: string }> = [];
  for (const item of queueFromState(state.queue)) {
    const episode = await lookup.episode(item.podcast, item.id);
    if (episode) wanted.push({ episodeId: episode.id, order: item.order, id: item.id });
  }
  const keep = new Set(wanted.map((w) => w.episodeId));
  await updateQueue((current) => ({
    writes: wanted.filter((w) => current.find((c) => c.episodeId === w.episodeId)?.order !== w.order).map((w) => ({ episodeId: w.episodeId, order: w.order })),
    removed: current.filter((c) => !keep.has(c.episodeId)).map((c) => c.episodeId),
  }));
  await setSetting(K.queueAgreed, Object.fromEntries(wanted.map((w) => [w.id, w.order])));
  await setSetting(K.playlistsAgreed, await adoptCollection(playlistCollection, state.playlists, lookup));
  await setSetting(K.bookmarksAgreed, await adoptCollection(bookmarkCollection, state.bookmarks, lookup));
  return true;
}

/** Local changes not on the server yet: shows, play states, queue entries. */
export async function countPending(): Promise<number> {
  const lookup = new EpisodeLookup();
  const subs = subscriptionChanges(
    (await listPodcasts()).map((p) => p.feedUrl),
    await getSetting<string[]>(K.subsAgreed, []),
  );
  const since = await getSetting<number>(K.uploadedUntil, 0);
  const states = (await listPlayStates()).filter((s) => s.updatedAt > since).length;
  const queue = queueChanges((await localQueue(lookup)).items, await getSetting<Record<string, number>>(K.queueAgreed, {}), 0).length;
  return subs.add.length + subs.remove.length + states + queue;
}

export async function syncOnce(account: SyncAccount): Promise<SyncReport> {
  const run = async () => {
    const client = new SyncClient(account);
    const lookup = new EpisodeLookup();
    const report: SyncReport = { followed: 0, dropped: 0, sentActions: 0, appliedPositions: 0, queueSynced: false };
    await client.registerDevice();
    await syncSubscriptions(client, lookup, report);
    await syncActions(client, account, lookup, report);
    report.queueSynced = await syncState(client, lookup);
    await Promise.all([libraryChanged(), reloadQueue(), refreshHistory()]);
    announce({ type: 'library' });
    announce({ type: 'queue' });
    return report;
  };
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request('hopcast-sync', run) : run();
}
