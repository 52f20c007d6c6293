/**
 * The silence worker: fetches one episode's audio (same origin only) and builds its silence map.
 * One analysis per worker; the page terminates it to cancel (seek to another episode, strength change).
 */
import { analyzeStream, UnsupportedAudioError } from './silence-analysis';
import type { SilenceMessage, SilenceRequest } from './silence-protocol';

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: { data: SilenceRequest }) => void): void;
  postMessage(message: SilenceMessage): void;
}

const scope = self as unknown as WorkerScope;

async function run(req: SilenceRequest): Promise<void> {
  try {
    if (typeof AudioDecoder === 'undefined') throw new UnsupportedAudioError('This browser has no WebCodecs audio decoder, which skip silence needs.');
    const res = await fetch(req.url);
    if (!res.ok || !res.body) throw new Error(`The audio could not be read for skip silence (HTTP ${res.status}).`);
    const type = (res.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    // Formats the frame reader cannot split: say so rather than feed the decoder lookalike bytes.
    if (/^audio\/(mp4|aac|x-m4a|m4a|ogg|opus|webm|flac|x-flac|wav|x-wav)$/.test(type)) {
      await res.body.cancel();
      throw new UnsupportedAudioError(`Skip silence works on MP3 episodes; this one is ${type.slice(6).toUpperCase()}.`);
    }
    const result = await analyzeStream(res.body, req, (gaps, analyzed) => scope.postMessage({ type: 'gaps', gaps, analyzed }));
    scope.postMessage({ type: 'done', analyzed: result.seconds, seconds: result.seconds });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    scope.postMessage({ type: 'error', reason: err instanceof UnsupportedAudioError ? 'unsupported' : 'failed', message });
  }
}

scope.addEventListener('message', (event) => void run(event.data));
