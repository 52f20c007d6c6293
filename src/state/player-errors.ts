/**
 * Turns a media element error into either one retry through the server's audio proxy (hosts that
 * refuse hotlinking, http enclosures on an https app) or a sentence that says what went wrong.
 */
import type { Episode } from '../core/types';
import { probeAudio, proxiedAudioUrl } from '../api/audio-probe';
import { mediaErrorText } from './player-audio';

export type FailureOutcome = { kind: 'retry'; url: string; resume: boolean } | { kind: 'message'; message: string };

const MEDIA_ERR_NETWORK = 2;

function isOfflineCopy(src: string): boolean {
  try {
    return new URL(src, location.href).pathname.startsWith('/offline-audio/');
  } catch {
    return false;
  }
}

export async function explainFailure(episode: Episode, src: string, code: number, alreadyRetried: boolean): Promise<FailureOutcome> {
  if (isOfflineCopy(src)) {
    return { kind: 'message', message: 'The downloaded copy could not be played. Remove the download and download it again.' };
  }
  if (!navigator.onLine) {
    return { kind: 'message', message: "You're offline and this episode isn't downloaded. Playback resumes when you're back online and press Play." };
  }
  const enclosure = episode.enclosure?.url;
  if (!enclosure) return { kind: 'message', message: 'This episode has no audio file.' };
  const probe = await probeAudio(enclosure);
  if (!probe.reachable) return { kind: 'message', message: `The audio could not be loaded. ${probe.message}` };
  if (code === MEDIA_ERR_NETWORK) return { kind: 'message', message: mediaErrorText(code) };
  if (!alreadyRetried) return { kind: 'retry', url: proxiedAudioUrl(enclosure), resume: true };
  const type = probe.type && probe.type !== 'application/octet-stream' ? ` (${probe.type.split(';')[0]})` : '';
  return { kind: 'message', message: `This browser cannot play this audio format${type}.` };
}
