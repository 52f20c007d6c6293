/**
 * Listening stats, counted from the element's own clock: each progress tick adds the media time it
 * covered at the current speed; skip silence reports each jump it makes. Totals are kept in memory
 * and written to the listenStats store on pause, on episode change and every 15 s of listening.
 */
import { signal } from '@preact/signals';
import { addPlayed, addSkipped, sumTotals, ZERO_TOTALS, type ListenTotals } from '../core/time-saved';
import { addListenStats, getEpisodeStats, listShowStats } from '../db/listen-stats';
import { getPodcast } from '../db/podcasts';

interface Pending {
  podcastId: string;
  episodeId: string;
  totals: ListenTotals;
}

const FLUSH_AFTER_SECONDS = 15;

let pending: Pending | null = null;
/** Media time of the last counted tick; null after a seek or a new source (re-baseline first). */
let lastTime: number | null = null;
/** Stored totals of the episode in the player, so its figure is stored + pending. */
let storedForEpisode: ListenTotals = { ...ZERO_TOTALS };
let writing: Promise<void> = Promise.resolve();
/** Skip silence's own seek is about to fire 'seeking': that one keeps the baseline it set. */
let ownSeek = false;

/** The episode in the player: listened and saved so far (what the player shows). */
export const episodeTotals = signal<ListenTotals>({ ...ZERO_TOTALS });
/** Everything counted on this device, with what is not yet written (the player's "in total"). */
export const overallTotals = signal<ListenTotals>({ ...ZERO_TOTALS });
let storedOverall: ListenTotals = { ...ZERO_TOTALS };
/** Bumps after each write, so the Stats screen can re-read. */
export const statsVersion = signal(0);

function publish(): void {
  episodeTotals.value = pending ? sumTotals(storedForEpisode, pending.totals) : storedForEpisode;
  overallTotals.value = pending ? sumTotals(storedOverall, pending.totals) : storedOverall;
}

function bucket(podcastId: string, episodeId: string): Pending {
  if (pending && pending.episodeId !== episodeId) void flushStats();
  if (!pending) pending = { podcastId, episodeId, totals: { ...ZERO_TOTALS } };
  return pending;
}

/** A new episode is in the player: read its stored totals for the running figure. */
export async function beginEpisodeStats(episodeId: string): Promise<void> {
  lastTime = null;
  if (pending && pending.episodeId !== episodeId) await flushStats();
  const [row, shows] = await Promise.all([getEpisodeStats(episodeId).catch(() => undefined), listShowStats().catch(() => [])]);
  // Written rows plus whatever is still waiting to be written (none: flushed above).
  storedOverall = shows.reduce<ListenTotals>((sum, r) => sumTotals(sum, { listened: r.listened, savedBySpeed: r.savedBySpeed, savedBySilence: r.savedBySilence }), { ...ZERO_TOTALS });
  storedForEpisode = row ? { listened: row.listened, savedBySpeed: row.savedBySpeed, savedBySilence: row.savedBySilence } : { ...ZERO_TOTALS };
  publish();
}

/** A progress tick while playing. */
export function countProgress(podcastId: string, episodeId: string, mediaTime: number, rate: number): void {
  if (lastTime !== null && mediaTime > lastTime) {
    const p = bucket(podcastId, episodeId);
    p.totals = addPlayed(p.totals, mediaTime - lastTime, rate);
    publish();
    if (p.totals.listened + p.totals.savedBySpeed >= FLUSH_AFTER_SECONDS) void flushStats();
  }
  lastTime = mediaTime;
}

/** Skip silence jumped from `from` to `to`: what was played up to `from` counts, the jump is saved. */
export function countSkip(podcastId: string, episodeId: string, from: number, to: number, rate: number): void {
  countProgress(podcastId, episodeId, from, rate);
  const p = bucket(podcastId, episodeId);
  p.totals = addSkipped(p.totals, to - from);
  lastTime = to;
  ownSeek = true;
  publish();
}

/** A seek by the listener (or a new source): the jump is not listening. */
export function resetProgressBaseline(): void {
  if (ownSeek) {
    ownSeek = false;
    return;
  }
  lastTime = null;
}

/** Writes what has been counted; safe to call any time (writes are serialized). */
export function flushStats(): Promise<void> {
  const p = pending;
  pending = null;
  if (!p) return writing;
  storedForEpisode = sumTotals(storedForEpisode, p.totals);
  storedOverall = sumTotals(storedOverall, p.totals);
  writing = writing
    .then(() => addListenStats(p.podcastId, p.episodeId, p.totals))
    .then(() => {
      statsVersion.value++;
    })
    .catch((err: unknown) => console.warn('Listening stats could not be saved', err));
  return writing;
}

export interface ShowStats {
  podcastId: string;
  title: string;
  totals: ListenTotals;
}

/** For the Stats screen: every show with listening, most listened first, and the sum. */
export async function loadStats(): Promise<{ total: ListenTotals; shows: ShowStats[] }> {
  await flushStats();
  const rows = await listShowStats();
  const shows: ShowStats[] = [];
  let total: ListenTotals = { ...ZERO_TOTALS };
  for (const r of rows) {
    const totals = { listened: r.listened, savedBySpeed: r.savedBySpeed, savedBySilence: r.savedBySilence };
    total = sumTotals(total, totals);
    // A show since unsubscribed still counts in the total, under the name it had (or its address).
    const podcast = await getPodcast(r.podcastId).catch(() => undefined);
    shows.push({ podcastId: r.podcastId, title: podcast?.title ?? r.podcastId, totals });
  }
  shows.sort((a, b) => b.totals.listened - a.totals.listened);
  return { total, shows };
}
