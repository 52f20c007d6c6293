/**
 * One schema per backup section. A section owned by another feature (playlists, bookmarks,
 * per-show settings) is checked here too, so a hostile file is refused before any of it is used.
 */
import type { BackupSections, BookmarkItem, PlaylistItem, PlayStateItem, QueueItem, SectionName, SettingItem, ShowSettingsItem, SubscriptionItem } from './format';
import { BackupError, MAX_STRING } from './format';
import { parseBookmark, parsePlaylist } from '../playlists/validate';
import { bool, fail, httpUrl, list, nonEmpty, num, obj, orNull, settingValue, str, time } from './check';

type Reader<T> = (value: unknown, path: string) => T;

/** Episode ids are `${feedUrl}\u0000${guid}`. */
const episodeId: Reader<string> = (v, p) => {
  const s = nonEmpty(v, p, MAX_STRING * 2);
  if (!s.includes('\u0000')) fail(p, 'is not an episode id (feed address and guid)');
  return s;
};

const subscription: Reader<SubscriptionItem> = (v, p) => {
  const o = obj(v, p);
  return {
    feedUrl: httpUrl(o.feedUrl, `${p}.feedUrl`),
    title: o.title === undefined ? '' : str(o.title, `${p}.title`),
    subscribedAt: o.subscribedAt === undefined ? 0 : time(o.subscribedAt, `${p}.subscribedAt`),
    order: o.order === undefined ? 0 : num(o.order, `${p}.order`),
  };
};

const playState: Reader<PlayStateItem> = (v, p) => {
  const o = obj(v, p);
  return {
    episodeId: episodeId(o.episodeId, `${p}.episodeId`),
    position: num(o.position, `${p}.position`, 0, 1e7),
    duration: orNull(o.duration, `${p}.duration`, (x, q) => num(x, q, 0, 1e7)),
    played: bool(o.played, `${p}.played`),
    updatedAt: time(o.updatedAt, `${p}.updatedAt`),
  };
};

const queueItem: Reader<QueueItem> = (v, p) => ({ episodeId: episodeId(obj(v, p).episodeId, `${p}.episodeId`) });

const setting: Reader<SettingItem> = (v, p) => {
  const o = obj(v, p);
  return {
    key: nonEmpty(o.key, `${p}.key`, 200),
    value: settingValue(o.value, `${p}.value`),
    updatedAt: o.updatedAt === undefined ? 0 : time(o.updatedAt, `${p}.updatedAt`),
  };
};

/**
 * Playlists and bookmarks are checked by their owner's own parsers (src/core/playlists/validate.ts),
 * so a backup accepts exactly what the app can store. A missing time counts as 0: it never wins.
 */
function owned<T>(parse: (raw: unknown, now: number) => T): Reader<T> {
  return (v, p) => {
    try {
      return parse(v, 0);
    } catch (err) {
      throw new BackupError(`${p}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
}

const playlist = owned<PlaylistItem>(parsePlaylist);
const bookmark = owned<BookmarkItem>(parseBookmark);

const showSettings: Reader<ShowSettingsItem> = (v, p) => {
  const o = obj(v, p);
  const settings = settingValue(obj(o.settings, `${p}.settings`), `${p}.settings`) as ShowSettingsItem['settings'];
  return { podcastId: httpUrl(o.podcastId, `${p}.podcastId`), settings, updatedAt: time(o.updatedAt, `${p}.updatedAt`) };
};

export const SECTION_READERS: { [K in SectionName]: Reader<BackupSections[K][number]> } = {
  subscriptions: subscription,
  playState,
  queue: queueItem,
  settings: setting,
  playlists: playlist,
  bookmarks: bookmark,
  showSettings,
};

/** Validates one section's item list. */
export function readSection<K extends SectionName>(name: K, value: unknown): BackupSections[K] {
  const read = SECTION_READERS[name] as Reader<BackupSections[K][number]>;
  return list(value, name).map((item, i) => read(item, `${name}[${i}]`)) as BackupSections[K];
}
