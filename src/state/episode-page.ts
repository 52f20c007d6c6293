/**
 * What the Episode page reads: the episode with its show, and on demand its chapters and
 * transcript. Errors come back as sentences for the page to show.
 */
import { fetchChapters } from '../api/chapters';
import { isHttpError } from '../api/http';
import { fetchTranscript } from '../api/transcript';
import type { Chapter } from '../core/chapters';
import type { TranscriptDoc } from '../core/transcripts';
import type { Episode, Podcast, Transcript } from '../core/types';
import { getEpisode } from '../db/episodes';
import { getPodcast } from '../db/podcasts';
import { getStoredTranscript, storedChapterList } from './episode-extras';

export interface EpisodeDetails {
  episode: Episode;
  podcast: Podcast | null;
}

export async function loadEpisodeDetails(id: string): Promise<EpisodeDetails | null> {
  const episode = await getEpisode(id);
  if (!episode) return null;
  return { episode, podcast: (await getPodcast(episode.podcastId)) ?? null };
}

export type Loaded<T> = { ok: true; value: T } | { ok: false; message: string };

function failure(what: string, err: unknown): { ok: false; message: string } {
  if (isHttpError(err)) return { ok: false, message: `The ${what} could not be loaded: ${err.message}.` };
  if (err instanceof Error && err.name !== 'Error') return { ok: false, message: err.message };
  return { ok: false, message: `The ${what} could not be loaded.` };
}

/** Stored chapters first (offline, images kept), then the network. */
export async function loadChapters(url: string, signal?: AbortSignal, episodeId?: string): Promise<Loaded<Chapter[]>> {
  try {
    const stored = episodeId ? await storedChapterList(episodeId, url).catch(() => null) : null;
    if (stored) return { ok: true, value: stored };
    return { ok: true, value: await fetchChapters(url, signal) };
  } catch (err) {
    return failure('chapters', err);
  }
}

/**
 * The stored transcript first (offline), then the network. A stored failure is shown as it is,
 * unless `retry` asks the host again.
 */
export async function loadTranscript(transcript: Transcript, signal?: AbortSignal, episodeId?: string, retry = false): Promise<Loaded<TranscriptDoc>> {
  try {
    const stored = episodeId ? await getStoredTranscript(episodeId).catch(() => undefined) : undefined;
    if (stored && stored.url === transcript.url) {
      if (stored.doc) return { ok: true, value: stored.doc };
      if (stored.error && !retry) return { ok: false, message: stored.error };
    }
    return { ok: true, value: await fetchTranscript(transcript, signal) };
  } catch (err) {
    return failure('transcript', err);
  }
}
