/**
 * The Hopcast backup file: one JSON document, versioned, made of named sections. Each section is a
 * list of plain items with a key and (where the data has one) an `updatedAt`, so an import can merge
 * item by item with the newer change winning. Sections are optional: a backup from an app version
 * that did not have a section yet (playlists, bookmarks, per-show settings) imports what it has.
 *
 * Example:
 * { "format": "hopcast-backup", "version": 1, "exportedAt": 1764680000000, "app": "0.1.0",
 *   "sections": { "subscriptions": [{ "feedUrl": "https://…/feed.xml", "title": "Show", "subscribedAt": 1, "order": 0 }],
 *                 "playState": [{ "episodeId": "https://…/feed.xml\u0000guid", "position": 754.2, "duration": 2890, "played": false, "updatedAt": 1 }],
 *                 "queue": [{ "episodeId": "…" }], "settings": [{ "key": "skipBack", "value": 15, "updatedAt": 1 }],
 *                 "playlists": [], "bookmarks": [], "showSettings": [] } }
 */

import type { Bookmark, Playlist } from '../playlists/types';

export const BACKUP_FORMAT = 'hopcast-backup';
/** Bump with a step in `migrate.ts` whenever a section's shape changes incompatibly. */
export const BACKUP_VERSION = 1;
/** A real library of 10,000 episodes is a few MB; far beyond this is not a backup. */
export const MAX_BACKUP_BYTES = 32 * 1024 * 1024;
export const MAX_ITEMS_PER_SECTION = 200_000;
export const MAX_STRING = 8_192;

export interface SubscriptionItem {
  feedUrl: string;
  title: string;
  subscribedAt: number;
  order: number;
}

export interface PlayStateItem {
  episodeId: string;
  position: number;
  duration: number | null;
  played: boolean;
  updatedAt: number;
}

export interface QueueItem {
  episodeId: string;
}

/** JSON-safe setting values only: settings are small preferences, never blobs. */
export type SettingValue = string | number | boolean | null | SettingValue[] | { [key: string]: SettingValue };

export interface SettingItem {
  key: string;
  value: SettingValue;
  updatedAt: number;
}

/** Issue 13a's records as stored (src/core/playlists/types.ts): manual and smart playlists, bookmarks. */
export type PlaylistItem = Playlist;
export type BookmarkItem = Bookmark;

/** Issue 13b: one show's own playback settings (speed, skip silence, intro/outro skips, …). */
export interface ShowSettingsItem {
  podcastId: string;
  settings: { [key: string]: SettingValue };
  updatedAt: number;
}

export interface BackupSections {
  subscriptions: SubscriptionItem[];
  playState: PlayStateItem[];
  queue: QueueItem[];
  settings: SettingItem[];
  playlists: PlaylistItem[];
  bookmarks: BookmarkItem[];
  showSettings: ShowSettingsItem[];
}

export type SectionName = keyof BackupSections;

export const SECTION_NAMES: readonly SectionName[] = ['subscriptions', 'playState', 'queue', 'settings', 'playlists', 'bookmarks', 'showSettings'];

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** Epoch ms. */
  exportedAt: number;
  /** App version that wrote it (informational). */
  app: string;
  sections: Partial<BackupSections>;
}

/**
 * Settings that belong in a backup: the listener's preferences. Device facts (the episode in the
 * player, first-run flags, refresh times, sync credentials) stay on the device.
 */
export function isPortableSetting(key: string): boolean {
  if (key.startsWith('sync.')) return false;
  return key === 'skipBack' || key === 'skipForward' || key.startsWith('downloads.') || key.startsWith('speed:') || key.startsWith('prefs.');
}

export class BackupError extends Error {
  override name = 'BackupError';
}
