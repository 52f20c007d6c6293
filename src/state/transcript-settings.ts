/** The listener's choices about stored transcripts: keep them after a download goes; shows fetched early. */
import { signal } from '@preact/signals';
import { getSetting, setSetting } from '../db/settings';

const KEEP_KEY = 'transcripts.keep';
const SHOWS_KEY = 'transcripts.shows';

/** Keep transcripts and chapters when their episode's download is removed. */
export const keepTranscripts = signal(false);
/** Shows whose transcripts are fetched as soon as an episode appears, downloaded or not. */
export const transcriptShows = signal<ReadonlySet<string>>(new Set());
export const transcriptSettingsLoaded = signal(false);

let loading: Promise<void> | null = null;

export function loadTranscriptSettings(): Promise<void> {
  loading ??= (async () => {
    keepTranscripts.value = (await getSetting<unknown>(KEEP_KEY, false)) === true;
    const shows = await getSetting<unknown>(SHOWS_KEY, []);
    transcriptShows.value = new Set(Array.isArray(shows) ? shows.filter((s): s is string => typeof s === 'string') : []);
    transcriptSettingsLoaded.value = true;
  })();
  return loading;
}

export async function setKeepTranscripts(keep: boolean): Promise<void> {
  keepTranscripts.value = keep;
  await setSetting(KEEP_KEY, keep);
}

export async function setTranscriptShow(podcastId: string, on: boolean): Promise<void> {
  const next = new Set(transcriptShows.value);
  if (on) next.add(podcastId);
  else next.delete(podcastId);
  transcriptShows.value = next;
  await setSetting(SHOWS_KEY, [...next]);
}
