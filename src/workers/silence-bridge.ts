/** Page side of the silence worker: start an analysis, get gaps as they come, cancel by terminating. */
import type { Gap } from '../core/silence/detector';
import type { SilenceMessage, SilenceRequest } from './silence-protocol';

export interface SilenceAnalysis {
  cancel(): void;
}

export interface SilenceCallbacks {
  onGaps(gaps: Gap[], analyzed: number): void;
  onDone(seconds: number): void;
  onError(reason: 'unsupported' | 'failed', message: string): void;
}

export function analyzeSilence(request: SilenceRequest, callbacks: SilenceCallbacks): SilenceAnalysis {
  const worker = new Worker(new URL('./silence.worker.ts', import.meta.url), { type: 'module', name: 'silence' });
  let over = false;
  const stop = () => {
    over = true;
    worker.terminate();
  };
  worker.addEventListener('message', (event: MessageEvent<SilenceMessage>) => {
    if (over) return;
    const m = event.data;
    if (m.type === 'gaps') callbacks.onGaps(m.gaps, m.analyzed);
    else if (m.type === 'done') {
      stop();
      callbacks.onDone(m.seconds);
    } else {
      stop();
      callbacks.onError(m.reason, m.message);
    }
  });
  worker.addEventListener('error', (event: ErrorEvent) => {
    event.preventDefault?.();
    if (over) return;
    stop();
    callbacks.onError('failed', `The silence worker failed: ${event.message || 'unknown error'}`);
  });
  worker.postMessage(request);
  return { cancel: stop };
}
