import { registerRoute } from 'workbox-routing';
import { answerOfflineAudio, OFFLINE_AUDIO_PREFIX } from './offline-audio-response';

declare let self: ServiceWorkerGlobalScope;

/** Stored episodes, answered from IndexedDB chunks; see offline-audio-response.ts. */
export function registerOfflineAudioRoute(): void {
  const match = ({ url }: { url: URL }) => url.origin === self.location.origin && url.pathname.startsWith(OFFLINE_AUDIO_PREFIX);
  const handler = ({ request }: { request: Request }) => answerOfflineAudio(request);
  registerRoute(match, handler, 'GET');
  registerRoute(match, handler, 'HEAD');
}
