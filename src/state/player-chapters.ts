/** Chapters of the episode in the player: loaded when it changes, the current one, prev/next. */
import { computed, effect, signal } from '@preact/signals';
import { chapterIndexAt, nextChapterStart, previousChapterStart, visibleChapters, type Chapter } from '../core/chapters';
import { fetchChapters } from '../api/chapters';
import { currentEpisode, currentTime, position, seekTo } from './player';
import { storedChapterList } from './episode-extras';

export type ChaptersState = { status: 'none' } | { status: 'loading'; url: string } | { status: 'ready'; url: string; chapters: Chapter[] } | { status: 'error'; url: string; message: string };

export const chaptersState = signal<ChaptersState>({ status: 'none' });

/** All chapters (hidden ones included: they still name the span they cover). */
export const chapters = computed(() => (chaptersState.value.status === 'ready' ? chaptersState.value.chapters : []));
export const listedChapters = computed(() => visibleChapters(chapters.value));
export const currentChapter = computed<Chapter | null>(() => chapters.value[chapterIndexAt(chapters.value, position.value)] ?? null);
export const hasChapters = computed(() => listedChapters.value.length > 0);

const cache = new Map<string, Chapter[]>();
let controller: AbortController | null = null;

async function load(url: string, episodeId: string): Promise<void> {
  controller?.abort();
  // Stored with the episode: offline, and with the images kept.
  const cached = cache.get(url) ?? (await storedChapterList(episodeId, url).catch(() => null));
  if (cached) {
    chaptersState.value = { status: 'ready', url, chapters: cached };
    return;
  }
  const ac = new AbortController();
  controller = ac;
  chaptersState.value = { status: 'loading', url };
  try {
    const list = await fetchChapters(url, ac.signal);
    cache.set(url, list);
    if (!ac.signal.aborted) chaptersState.value = { status: 'ready', url, chapters: list };
  } catch (err) {
    if (ac.signal.aborted) return;
    chaptersState.value = { status: 'error', url, message: err instanceof Error ? err.message : 'The chapters could not be loaded.' };
  }
}

let started = false;
export function startChapters(): void {
  if (started) return;
  started = true;
  effect(() => {
    const url = currentEpisode.value?.chapters ?? null;
    const episodeId = currentEpisode.value?.id ?? '';
    if (!url) {
      controller?.abort();
      chaptersState.value = { status: 'none' };
    } else if (chaptersState.peek().status === 'none' || (chaptersState.peek() as { url?: string }).url !== url) {
      void load(url, episodeId);
    }
  });
}

/** False at the last chapter. */
export function nextChapter(): boolean {
  const to = nextChapterStart(chapters.value, currentTime());
  if (to === null) return false;
  seekTo(to);
  return true;
}

export function previousChapter(): boolean {
  if (!hasChapters.value) return false;
  seekTo(previousChapterStart(chapters.value, currentTime()));
  return true;
}
