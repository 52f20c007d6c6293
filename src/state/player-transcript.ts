/**
 * The transcript of the episode in the player, for the follow-along view: the stored copy when
 * there is one (offline), else fetched once per episode. Only timed transcripts can follow along.
 */
import { effect, signal } from '@preact/signals';
import { pickTranscript, type Cue } from '../core/transcripts';
import { loadTranscript } from './episode-page';
import { currentEpisode } from './player';

export type PlayerTranscript =
  | { status: 'none' }
  | { status: 'loading'; episodeId: string }
  | { status: 'ready'; episodeId: string; cues: Cue[] }
  | { status: 'untimed'; episodeId: string }
  | { status: 'error'; episodeId: string; message: string };

export const playerTranscript = signal<PlayerTranscript>({ status: 'none' });

let controller: AbortController | null = null;
let started = false;

async function load(episodeId: string, retry: boolean): Promise<void> {
  const episode = currentEpisode.peek();
  const link = episode ? pickTranscript(episode.transcripts) : null;
  controller?.abort();
  if (!episode || !link) {
    playerTranscript.value = { status: 'none' };
    return;
  }
  const ac = new AbortController();
  controller = ac;
  playerTranscript.value = { status: 'loading', episodeId };
  const loaded = await loadTranscript(link, ac.signal, episodeId, retry);
  if (ac.signal.aborted) return;
  if (!loaded.ok) playerTranscript.value = { status: 'error', episodeId, message: loaded.message };
  else if (loaded.value.kind === 'cues') playerTranscript.value = { status: 'ready', episodeId, cues: loaded.value.cues };
  else playerTranscript.value = { status: 'untimed', episodeId };
}

/** Starts following the player's episode; the first follow-along view calls it. */
export function startPlayerTranscript(): void {
  if (started) return;
  started = true;
  effect(() => {
    const id = currentEpisode.value?.id ?? null;
    const now = playerTranscript.peek();
    if (!id) playerTranscript.value = { status: 'none' };
    else if (now.status === 'none' || now.episodeId !== id) void load(id, false);
  });
}

export function retryPlayerTranscript(): void {
  const id = currentEpisode.peek()?.id;
  if (id) void load(id, true);
}
