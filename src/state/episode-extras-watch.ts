/**
 * Keeps stored transcripts and chapters in step with downloads and settings: a finished download
 * (or a new episode of a chosen show) gets its extras fetched; a removed download loses them unless
 * they are kept; episodes that left the library lose them always. One fetch at a time: they are
 * small, and the audio downloads matter more.
 */
import { effect } from '@preact/signals';
import type { DownloadRecord } from '../core/types';
import { listChapterIds } from '../db/chapters';
import { getEpisode, getEpisodes, listEpisodesByPodcast } from '../db/episodes';
import { listTranscriptIds } from '../db/transcripts';
import { downloads } from './downloads';
import { getStoredChapters, getStoredTranscript, hasExtras, indexStoredExtras, removeEpisodeExtras, storeEpisodeExtras } from './episode-extras';
import { libraryVersion } from './library';
import { online } from './online';
import { indexedEpisodeIds } from './transcript-index';
import { keepTranscripts, loadTranscriptSettings, transcriptShows } from './transcript-settings';

const waiting = new Set<string>();
let running = false;

function enqueue(ids: Iterable<string>): void {
  for (const id of ids) waiting.add(id);
  void drain();
}

async function drain(): Promise<void> {
  if (running) return;
  running = true;
  try {
    while (waiting.size > 0 && online.value) {
      const id = waiting.values().next().value as string;
      waiting.delete(id);
      const episode = await getEpisode(id);
      if (!episode || !hasExtras(episode)) continue;
      try {
        await storeEpisodeExtras(episode);
      } catch {
        // Offline or the server is away: try again when the network is back.
        waiting.add(id);
        break;
      }
    }
  } finally {
    running = false;
  }
}

async function storedIds(): Promise<Set<string>> {
  const [t, c] = await Promise.all([listTranscriptIds(), listChapterIds()]);
  return new Set([...t, ...c]);
}

/** Chosen shows: every episode with a transcript or chapters not stored yet. */
async function fetchForChosenShows(): Promise<void> {
  const have = await storedIds();
  for (const podcastId of transcriptShows.value) {
    const episodes = await listEpisodesByPodcast(podcastId);
    enqueue(episodes.filter((e) => hasExtras(e) && !have.has(e.id)).map((e) => e.id));
  }
}

/** Extras whose episode is gone (unsubscribed) go too; stored ones missing from the index are indexed. */
async function tidy(): Promise<void> {
  const ids = [...(await storedIds())];
  // Nothing stored: nothing to tidy, and no reason to start the transcript worker.
  if (ids.length === 0) return;
  const alive = new Map((await getEpisodes(ids)).map((e) => [e.id, e]));
  for (const id of ids) if (!alive.has(id)) await removeEpisodeExtras(id);
  const indexed = await indexedEpisodeIds();
  for (const [id, episode] of alive) {
    if (indexed.has(id)) continue;
    const [t, c] = await Promise.all([getStoredTranscript(id), getStoredChapters(id)]);
    await indexStoredExtras(episode, t ?? null, c ?? null);
  }
}

let started = false;

export function startEpisodeExtras(): void {
  if (started) return;
  started = true;
  void (async () => {
    await loadTranscriptSettings();
    // Starts empty: when the downloads signal is loaded (by whoever starts the download manager;
    // not ours to do), every stored download counts as finished and gets what it still lacks.
    let previous: ReadonlyMap<string, DownloadRecord> = new Map();
    effect(() => {
      const now = downloads.value;
      const finished: string[] = [];
      for (const [id, record] of now) if (record.status === 'complete' && previous.get(id)?.status !== 'complete') finished.push(id);
      // Only a finished download that went away takes its extras along: a failed or cancelled
      // one never brought any, and must not cause writes while storage may be full.
      const removed = [...previous].filter(([id, record]) => record.status === 'complete' && !now.has(id)).map(([id]) => id);
      previous = now;
      enqueue(finished);
      if (removed.length > 0) void dropWithDownloads(removed).catch(() => undefined);
    });
    effect(() => {
      void libraryVersion.value;
      void transcriptShows.value;
      void fetchForChosenShows()
        .then(tidy)
        .catch(() => undefined);
    });
    effect(() => {
      if (online.value) void drain();
    });
  })();
}

async function dropWithDownloads(ids: string[]): Promise<void> {
  if (keepTranscripts.peek()) return;
  for (const id of ids) {
    const episode = await getEpisode(id);
    // A show chosen for early transcripts keeps them whether downloaded or not.
    if (episode && transcriptShows.peek().has(episode.podcastId)) continue;
    waiting.delete(id);
    const [t, c] = await Promise.all([getStoredTranscript(id), getStoredChapters(id)]);
    if (t || c) await removeEpisodeExtras(id);
  }
}
