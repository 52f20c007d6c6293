/** Backup providers for the sections Hopcast's own stores hold: shows, play state, queue, settings. */
import type { PlayStateItem, QueueItem, SettingItem, SettingValue, SubscriptionItem } from '../../core/backup';
import { isPortableSetting } from '../../core/backup';
import { eachLimited } from '../../core/library/concurrency';
import type { Podcast } from '../../core/types';
import { listPlayStates, mergePlayStates } from '../../db/play-state';
import { getPodcast, listPodcasts, nextPodcastOrder, putPodcast } from '../../db/podcasts';
import { listQueue } from '../../db/queue';
import { listSettings, setSetting } from '../../db/settings';
import { subscribe, unsubscribe } from '../subscribe';
import { appendToQueue, removeFromQueue } from '../queue';
import type { BackupProvider } from './providers';

/**
 * Follows a show from a backup or a sync server. The feed is fetched now when it can be; when it
 * cannot (offline, host down) the show is still kept, with the reason on its card, and the next
 * refresh fills it in, so an import never silently drops a subscription.
 */
export async function followShow(feedUrl: string, title: string): Promise<void> {
  try {
    await subscribe(feedUrl);
  } catch (err) {
    if (await getPodcast(feedUrl)) return;
    const placeholder: Podcast = {
      id: feedUrl,
      feedUrl,
      title: title || feedUrl,
      author: null,
      description: '',
      image: null,
      link: null,
      language: null,
      categories: [],
      funding: [],
      persons: [],
      subscribedAt: Date.now(),
      lastRefreshAt: null,
      lastError: `Not refreshed yet: ${err instanceof Error ? err.message : String(err)}`,
      etag: null,
      lastModified: null,
      newCount: 0,
      order: await nextPodcastOrder(),
    };
    await putPodcast(placeholder);
  }
}

export const subscriptionsProvider: BackupProvider<'subscriptions'> = {
  section: 'subscriptions',
  noun: 'shows',
  exportItems: async (): Promise<SubscriptionItem[]> => (await listPodcasts()).map((p) => ({ feedUrl: p.feedUrl, title: p.title, subscribedAt: p.subscribedAt, order: p.order })),
  keyOf: (item) => item.feedUrl,
  updatedAt: () => 0,
  removable: true,
  async apply(plan) {
    const adds = [...plan.add].sort((a, b) => a.order - b.order);
    await eachLimited(adds, 4, (s) => followShow(s.feedUrl, s.title));
    for (const s of plan.remove) {
      const show = (await listPodcasts()).find((p) => p.feedUrl === s.feedUrl);
      if (show) await unsubscribe(show.id);
    }
  },
};

export const playStateProvider: BackupProvider<'playState'> = {
  section: 'playState',
  noun: 'positions and played marks',
  exportItems: async (): Promise<PlayStateItem[]> =>
    (await listPlayStates()).map((s) => ({ episodeId: s.episodeId, position: s.position, duration: s.duration, played: s.played, updatedAt: s.updatedAt })),
  keyOf: (item) => item.episodeId,
  updatedAt: (item) => item.updatedAt,
  // History is kept: a backup lacking a play state is no reason to forget it.
  removable: false,
  async apply(plan) {
    await mergePlayStates([...plan.add, ...plan.change]);
  },
};

export const queueProvider: BackupProvider<'queue'> = {
  section: 'queue',
  noun: 'queued episodes',
  exportItems: async (): Promise<QueueItem[]> => (await listQueue()).map((e) => ({ episodeId: e.episodeId })),
  keyOf: (item) => item.episodeId,
  updatedAt: () => 0,
  removable: true,
  async apply(plan) {
    for (const item of plan.remove) await removeFromQueue(item.episodeId);
    await appendToQueue(plan.add.map((item) => item.episodeId));
  },
};

export const settingsProvider: BackupProvider<'settings'> = {
  section: 'settings',
  noun: 'settings',
  exportItems: async (): Promise<SettingItem[]> => (await listSettings()).filter((s) => isPortableSetting(s.key)).map((s) => ({ key: s.key, value: s.value as SettingValue, updatedAt: s.updatedAt })),
  keyOf: (item) => item.key,
  updatedAt: (item) => item.updatedAt,
  removable: false,
  async apply(plan) {
    for (const s of [...plan.add, ...plan.change]) if (isPortableSetting(s.key)) await setSetting(s.key, s.value, s.updatedAt);
  },
};
