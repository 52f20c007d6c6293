/**
 * Per-show listening settings and the rules that apply them: intro/outro trims, skip-silence
 * strength, volume boost, auto-download. Validation is here because the values also arrive from
 * backups (hostile input): anything out of range becomes the default, never an error mid-playback.
 */
import { isStrength, type SilenceStrength } from './silence/strengths';

export interface ShowSettings {
  /** Seconds skipped at the start of every episode (intros, ads read before the show). */
  introSkip: number;
  /** Seconds cut from the end (outros, trailers for other shows). */
  outroSkip: number;
  silence: SilenceStrength;
  /** A gain + compressor stage for quiet or uneven shows. */
  volumeBoost: boolean;
  /** New episodes found by a refresh are downloaded. */
  autoDownload: boolean;
}

export const DEFAULT_SHOW_SETTINGS: Readonly<ShowSettings> = Object.freeze({ introSkip: 0, outroSkip: 0, silence: 'off', volumeBoost: false, autoDownload: false });

/** Ten minutes: more than any intro; anything larger is a typo or a hostile backup. */
export const MAX_TRIM_SECONDS = 600;

function trim(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.min(MAX_TRIM_SECONDS, Math.round(value)) : 0;
}

/** Any input → valid settings (unknown keys dropped, bad values defaulted). */
export function normalizeShowSettings(input: unknown): ShowSettings {
  const o = input && typeof input === 'object' ? (input as Record<string, unknown>) : {};
  return {
    introSkip: trim(o.introSkip),
    outroSkip: trim(o.outroSkip),
    silence: isStrength(o.silence) ? o.silence : 'off',
    volumeBoost: o.volumeBoost === true,
    autoDownload: o.autoDownload === true,
  };
}

/** Whether these settings are all defaults (nothing worth storing). */
export function isDefault(s: ShowSettings): boolean {
  return s.introSkip === 0 && s.outroSkip === 0 && s.silence === 'off' && !s.volumeBoost && !s.autoDownload;
}

/**
 * Trims only apply when they leave at least this much of the episode: a 30 s intro trim on a
 * 20 s bonus clip would otherwise skip the whole thing.
 */
export const MIN_LEFT_AFTER_TRIMS = 10;

function trimsFit(s: ShowSettings, duration: number): boolean {
  // Duration unknown (0) until metadata: the intro can still apply, it is checked again later.
  return duration <= 0 || duration - s.introSkip - s.outroSkip >= MIN_LEFT_AFTER_TRIMS;
}

/** Where playback starts: the saved position, but never inside a trimmed intro. */
export function startPosition(saved: number, s: ShowSettings, duration: number): number {
  if (s.introSkip > 0 && saved < s.introSkip && trimsFit(s, duration)) return s.introSkip;
  return saved;
}

/** Media time at which the episode counts as over (the outro starts); null when there is no trim. */
export function outroStart(s: ShowSettings, duration: number): number | null {
  if (s.outroSkip <= 0 || !(duration > 0) || !trimsFit(s, duration)) return null;
  return duration - s.outroSkip;
}

/** At most this many episodes are auto-downloaded per refresh of one show. */
export const MAX_AUTO_PER_REFRESH = 3;

/**
 * Which of a refresh's new episodes to download: the newest `added` (capped, so a feed that re-lists
 * its back catalogue as new cannot fill the device), unplayed, with audio, not already downloaded.
 */
export function pickAutoDownloads(newestFirst: ReadonlyArray<{ id: string; played: 0 | 1; enclosure: unknown }>, added: number, known: { has(id: string): boolean }): string[] {
  if (!(added > 0)) return [];
  return newestFirst
    .slice(0, Math.min(added, MAX_AUTO_PER_REFRESH))
    .filter((e) => e.enclosure && e.played === 0 && !known.has(e.id))
    .map((e) => e.id);
}
