/**
 * Transcript and chapters stored with an episode: fetched (through the proxy) when it is
 * downloaded or its show is set to keep transcripts, read back offline by the Episode page and
 * the player, indexed for search, and removed with the download unless the listener keeps them.
 * A bad transcript is stored as its error message: the episode itself is never held up by it.
 */
import { fetchChapters } from '../api/chapters';
import { fetchChapterImage } from '../api/chapter-images';
import { isHttpError } from '../api/http';
import { fetchTranscriptDoc } from '../api/transcript';
import type { Chapter } from '../core/chapters';
import { transcriptLines } from '../core/transcript-index/lines';
import { pickTranscript, transcriptFormat } from '../core/transcripts';
import type { Episode } from '../core/types';
import { deleteStoredChapters, getStoredChapters, putStoredChapters } from '../db/chapters';
import type { StoredChapters, StoredTranscript } from '../db/episode-extras';
import { deleteStoredTranscript, getStoredTranscript, putStoredTranscript } from '../db/transcripts';
import { dropFromTranscriptIndex, indexEpisodeText } from './transcript-index';

export type { StoredChapters, StoredTranscript };

/** More images than this in one chapters file are not fetched: a table of contents needs few. */
const MAX_IMAGES = 60;

function messageOf(err: unknown, what: string): string {
  if (isHttpError(err)) return `The ${what} could not be fetched: ${err.message}.`;
  if (err instanceof Error && err.name !== 'Error') return err.message;
  return `The ${what} could not be fetched.`;
}

/** Network trouble (offline, server gone) is not the host's fault: try again later rather than store it. */
function transient(err: unknown): boolean {
  // A fetch that never reached a server rejects with a TypeError.
  if (err instanceof TypeError || (typeof navigator !== 'undefined' && !navigator.onLine)) return true;
  return isHttpError(err) && (err.code === 'network' || err.code === 'timeout' || err.code === 'aborted' || err.status === 429 || err.status === 503);
}

async function storeChapters(episode: Episode, signal?: AbortSignal): Promise<StoredChapters | null> {
  if (!episode.chapters) return null;
  const base = { episodeId: episode.id, podcastId: episode.podcastId, url: episode.chapters, fetchedAt: Date.now() };
  let chapters: Chapter[];
  try {
    chapters = await fetchChapters(episode.chapters, signal);
  } catch (err) {
    if (transient(err) || signal?.aborted) throw err;
    const record: StoredChapters = { ...base, chapters: [], images: {}, error: messageOf(err, 'chapters') };
    await putStoredChapters(record);
    return record;
  }
  const images: Record<string, Blob> = {};
  const urls = [...new Set(chapters.map((c) => c.img).filter((u): u is string => !!u))].slice(0, MAX_IMAGES);
  for (const url of urls) {
    const blob = await fetchChapterImage(url, signal);
    if (blob) images[url] = blob;
  }
  const record: StoredChapters = { ...base, chapters, images, error: null };
  await putStoredChapters(record);
  return record;
}

async function storeTranscript(episode: Episode, signal?: AbortSignal): Promise<StoredTranscript | null> {
  const link = pickTranscript(episode.transcripts);
  if (!link) return null;
  const base = { episodeId: episode.id, podcastId: episode.podcastId, url: link.url, fetchedAt: Date.now() };
  try {
    const { format, doc } = await fetchTranscriptDoc(link, signal);
    const record: StoredTranscript = { ...base, format, doc, error: null };
    await putStoredTranscript(record);
    return record;
  } catch (err) {
    if (transient(err) || signal?.aborted) throw err;
    const record: StoredTranscript = { ...base, format: transcriptFormat(link.type, link.url), doc: null, error: messageOf(err, 'transcript') };
    await putStoredTranscript(record);
    return record;
  }
}

/** Indexes what is stored for an episode: its transcript lines and chapter titles. */
export async function indexStoredExtras(episode: Pick<Episode, 'id' | 'podcastId' | 'published'>, transcript: StoredTranscript | null, chapters: StoredChapters | null): Promise<void> {
  const lines = transcript?.doc ? transcriptLines(transcript.doc) : [];
  const titles = (chapters?.chapters ?? []).filter((c) => !c.hidden).map((c) => ({ start: c.startTime, title: c.title }));
  if (lines.length === 0 && titles.length === 0) return;
  await indexEpisodeText({ episodeId: episode.id, podcastId: episode.podcastId, published: episode.published, lines, chapters: titles });
}

/**
 * Fetches and stores what the episode links to and is not stored yet, then indexes it. Rejects
 * only on transient trouble (offline): the caller tries again later.
 */
export async function storeEpisodeExtras(episode: Episode, signal?: AbortSignal): Promise<void> {
  const [haveTranscript, haveChapters] = await Promise.all([getStoredTranscript(episode.id), getStoredChapters(episode.id)]);
  const newChapters = haveChapters ? null : await storeChapters(episode, signal);
  const newTranscript = haveTranscript ? null : await storeTranscript(episode, signal);
  // Index only when something arrived: an episode without chapters must not be re-indexed every start.
  if (newChapters || newTranscript) await indexStoredExtras(episode, haveTranscript ?? newTranscript, haveChapters ?? newChapters);
}

/** Whether anything could be stored for this episode. */
export function hasExtras(episode: Pick<Episode, 'transcripts' | 'chapters'>): boolean {
  return episode.transcripts.length > 0 || !!episode.chapters;
}

export async function removeEpisodeExtras(episodeId: string): Promise<void> {
  await Promise.all([deleteStoredTranscript(episodeId), deleteStoredChapters(episodeId)]);
  await dropFromTranscriptIndex([episodeId]);
}

export { getStoredChapters, getStoredTranscript };

/** Object URLs of stored chapter images, made once per image and kept for the session (they are few). */
const imageUrls = new Map<Blob, string>();

function imageUrl(blob: Blob): string {
  let url = imageUrls.get(blob);
  if (!url) imageUrls.set(blob, (url = URL.createObjectURL(blob)));
  return url;
}

const blobsByRecord = new WeakMap<object, Map<string, string>>();

/**
 * The stored chapters of an episode for `url`, images pointing at their stored copies (so they
 * show offline); null when none are stored or the stored attempt failed.
 */
export async function storedChapterList(episodeId: string, url: string): Promise<Chapter[] | null> {
  const record = await getStoredChapters(episodeId);
  if (!record || record.url !== url || record.error) return null;
  let urls = blobsByRecord.get(record);
  if (!urls) {
    urls = new Map(Object.entries(record.images).map(([src, blob]) => [src, imageUrl(blob)]));
    blobsByRecord.set(record, urls);
  }
  return record.chapters.map((c) => ({ ...c, img: c.img ? (urls.get(c.img) ?? c.img) : null }));
}
