/**
 * Per-show settings (sheet on the Show page): kept in the settings store under `show:<podcastId>`,
 * with the show's speed under its existing `speed:<podcastId>` key (playback-settings.ts). The
 * player reads them on every load; a save while that show plays applies at once.
 */
import { signal } from '@preact/signals';
import { DEFAULT_SHOW_SETTINGS, isDefault, normalizeShowSettings, type ShowSettings } from '../core/show-settings';
import { deleteSetting, getSetting, listSettings, setSetting } from '../db/settings';
import type { ShowSettingsItem } from '../core/backup/format';

const PREFIX = 'show:';
const keyFor = (podcastId: string) => `${PREFIX}${podcastId}`;

/** Settings of the show in the player (or defaults); the player's extras react to it. */
export const playingShowSettings = signal<ShowSettings>({ ...DEFAULT_SHOW_SETTINGS });
/** Which show `playingShowSettings` belongs to. */
let playingShowId: string | null = null;

export async function getShowSettings(podcastId: string): Promise<ShowSettings> {
  return normalizeShowSettings(await getSetting<unknown>(keyFor(podcastId), null));
}

/** Called by the player as it puts an episode of this show in (together with `currentEpisode`). */
export function setPlayingShow(podcastId: string, s: ShowSettings): void {
  playingShowId = podcastId;
  playingShowSettings.value = s;
}

export async function saveShowSettings(podcastId: string, input: ShowSettings): Promise<ShowSettings> {
  const s = normalizeShowSettings(input);
  // Defaults are not stored: a show nobody configured costs no row (and no row in backups).
  if (isDefault(s)) await deleteSetting(keyFor(podcastId));
  else await setSetting(keyFor(podcastId), s);
  if (playingShowId === podcastId) playingShowSettings.value = s;
  return s;
}

/** One field at a time (the player's skip-silence toggle). */
export async function updateShowSettings(podcastId: string, change: Partial<ShowSettings>): Promise<ShowSettings> {
  return saveShowSettings(podcastId, { ...(await getShowSettings(podcastId)), ...change });
}

/**
 * Every configured show's settings as backup items (issue 14's `showSettings` section): one item per
 * show, its change time from the settings store. Speeds travel in the backup's settings section.
 */
export async function exportShowSettings(): Promise<ShowSettingsItem[]> {
  const items: ShowSettingsItem[] = [];
  for (const { key, value, updatedAt } of await listSettings()) {
    if (!key.startsWith(PREFIX)) continue;
    items.push({ podcastId: key.slice(PREFIX.length), settings: { ...normalizeShowSettings(value) }, updatedAt });
  }
  return items;
}

/**
 * Restores backup items (the winners of the backup's merge). Backups are outside input: the list
 * is checked whole first, a show id must be a feed address, and values are normalized, never
 * trusted; a bad list is refused with a reason and nothing is written.
 */
export async function importShowSettings(items: unknown): Promise<{ imported: number }> {
  if (!Array.isArray(items)) throw new Error('The show settings in this backup are not a list.');
  if (items.length > 10_000) throw new Error('The show settings in this backup list too many shows.');
  const clean: Array<[string, ShowSettings, number]> = [];
  for (const item of items) {
    const o = item && typeof item === 'object' ? (item as Record<string, unknown>) : null;
    const id = o?.podcastId;
    if (typeof id !== 'string' || id.length > 2048 || !/^https?:\/\//i.test(id)) {
      throw new Error(`The show settings in this backup name a show that is not a feed address: ${String(id).slice(0, 80)}`);
    }
    const at = typeof o!.updatedAt === 'number' && Number.isFinite(o!.updatedAt) && o!.updatedAt > 0 ? o!.updatedAt : Date.now();
    clean.push([id, normalizeShowSettings(o!.settings), at]);
  }
  for (const [id, s, at] of clean) {
    if (isDefault(s)) await deleteSetting(keyFor(id));
    else await setSetting(keyFor(id), s, at);
    if (playingShowId === id) playingShowSettings.value = s;
  }
  return { imported: clean.length };
}
