/**
 * Listening-time accounting. Every second of media covered is either listened to (wall-clock time
 * at the playback speed), saved by speed (the part of it the speed took off), or skipped as silence;
 * so listened + savedBySpeed + savedBySilence = media covered, and nothing is counted twice.
 */

export interface ListenTotals {
  /** Seconds of wall-clock time spent listening. */
  listened: number;
  savedBySpeed: number;
  savedBySilence: number;
}

export const ZERO_TOTALS: Readonly<ListenTotals> = Object.freeze({ listened: 0, savedBySpeed: 0, savedBySilence: 0 });

/**
 * Media time can jump between two progress ticks for reasons that are not listening (a seek the
 * player missed, a tab that slept): a tick covering more than this is not counted.
 */
export const MAX_TICK_MEDIA_SECONDS = 10;

/** `media` seconds played at `rate`. Non-positive or implausible ticks add nothing. */
export function addPlayed(t: ListenTotals, media: number, rate: number): ListenTotals {
  if (!(media > 0) || media > MAX_TICK_MEDIA_SECONDS || !(rate > 0) || !Number.isFinite(rate)) return t;
  const listened = media / rate;
  return { listened: t.listened + listened, savedBySpeed: t.savedBySpeed + (media - listened), savedBySilence: t.savedBySilence };
}

/** A skipped stretch of silence: at 1× it would have taken all of its length. */
export function addSkipped(t: ListenTotals, media: number): ListenTotals {
  if (!(media > 0) || !Number.isFinite(media)) return t;
  return { ...t, savedBySilence: t.savedBySilence + media };
}

export function sumTotals(a: ListenTotals, b: ListenTotals): ListenTotals {
  return { listened: a.listened + b.listened, savedBySpeed: a.savedBySpeed + b.savedBySpeed, savedBySilence: a.savedBySilence + b.savedBySilence };
}

export function savedTotal(t: ListenTotals): number {
  return t.savedBySpeed + t.savedBySilence;
}

/** "2 h 5 min", "4 min 10 s", "12 s": how a duration reads on the Stats screen and in the player. */
export function formatSpan(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  if (m > 0) return r > 0 && m < 10 ? `${m} min ${r} s` : `${m} min`;
  return `${r} s`;
}
