/**
 * Per-show settings (sheet on the Show page): kept in the settings store under `show:<podcastId>`,
 * with the show's speed under its existing `speed:<podcastId>` key (playback-settings.ts). The
 * player reads them on every load; a save while that show plays applies at once.
 */
import { signal } from '@preact/signals';
import { DEFAULT_SHOW_SETTINGS, isDefault, normalizeShowSettings, type ShowSettings } from '../core/show-settings';
import { deleteSetting, getSetting, listSettingsWithPrefix, setSetting } from '../db/settings';
import { clampSpeed, rememberSpeed, speedForShow } from './playback-settings';

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

export interface ShowSettingsExport {
  format: 'hopcast-show-settings';
  version: 1;
  /** podcastId → settings and speed. */
  shows: Record<string, ShowSettings & { speed: number }>;
}

/** Every configured show's settings, for the backup (issue 14). */
export async function exportShowSettings(): Promise<ShowSettingsExport> {
  const shows: ShowSettingsExport['shows'] = {};
  const ids = new Set<string>();
  for (const [key] of await listSettingsWithPrefix(PREFIX)) ids.add(key.slice(PREFIX.length));
  for (const [key] of await listSettingsWithPrefix('speed:')) ids.add(key.slice('speed:'.length));
  for (const id of ids) shows[id] = { ...(await getShowSettings(id)), speed: await speedForShow(id) };
  return { format: 'hopcast-show-settings', version: 1, shows };
}

/**
 * Restores an export. Backups are outside input: the shape is checked, every value normalized, and
 * a show id must look like a feed URL; a bad file is refused whole with a reason, never half-applied.
 */
export async function importShowSettings(data: unknown): Promise<{ imported: number }> {
  if (!data || typeof data !== 'object') throw new Error('The show settings in this backup are not an object.');
  const d = data as Record<string, unknown>;
  if (d.format !== 'hopcast-show-settings' || d.version !== 1) throw new Error('The show settings in this backup are in an unknown format.');
  if (!d.shows || typeof d.shows !== 'object' || Array.isArray(d.shows)) throw new Error('The show settings in this backup have no list of shows.');
  const entries = Object.entries(d.shows as Record<string, unknown>);
  if (entries.length > 10_000) throw new Error('The show settings in this backup list too many shows.');
  const clean: Array<[string, ShowSettings, number | null]> = [];
  for (const [id, value] of entries) {
    if (id.length > 2048 || !/^https?:\/\//i.test(id)) throw new Error(`The show settings in this backup name a show that is not a feed address: ${id.slice(0, 80)}`);
    const speed = value && typeof value === 'object' ? (value as { speed?: unknown }).speed : undefined;
    clean.push([id, normalizeShowSettings(value), typeof speed === 'number' && Number.isFinite(speed) ? clampSpeed(speed) : null]);
  }
  for (const [id, s, speed] of clean) {
    await saveShowSettings(id, s);
    if (speed !== null) await rememberSpeed(id, speed);
  }
  return { imported: clean.length };
}
