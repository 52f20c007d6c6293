/**
 * Page side of the transcript worker. Like the search worker it stays up (the index lives in it);
 * a crash fails the pending calls and the next call starts an empty worker, which the caller reloads.
 */
import type { TranscriptBackend, TranscriptMessage, TranscriptReplies, TranscriptReply, TranscriptRequest } from '../core/transcript-index/backend';

const TIMEOUT_MS = 60_000;

interface Pending {
  resolve(value: unknown): void;
  reject(err: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

export function workerTranscriptBackend(onCrash?: () => void): TranscriptBackend {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  function fail(reason: Error): void {
    worker?.terminate();
    worker = null;
    for (const p of pending.values()) {
      clearTimeout(p.timer);
      p.reject(reason);
    }
    pending.clear();
    onCrash?.();
  }

  function start(): Worker {
    const w = new Worker(new URL('./transcript.worker.ts', import.meta.url), { type: 'module', name: 'transcripts' });
    w.addEventListener('message', (event: MessageEvent<TranscriptReply>) => {
      const reply = event.data;
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      clearTimeout(p.timer);
      if (reply.ok) p.resolve(reply.value);
      else p.reject(new Error(reply.message));
    });
    w.addEventListener('error', (event: ErrorEvent) => {
      event.preventDefault?.();
      fail(new Error(`The transcript worker failed: ${event.message || 'unknown error'}`));
    });
    w.addEventListener('messageerror', () => fail(new Error('The transcript worker could not read a message')));
    return w;
  }

  function call<K extends TranscriptRequest['op']>(request: Extract<TranscriptRequest, { op: K }>): Promise<TranscriptReplies[K]> {
    worker ??= start();
    const id = nextId++;
    return new Promise<TranscriptReplies[K]>((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error('The transcript worker stopped answering')), TIMEOUT_MS);
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- false positive: without it tsc fails (the map holds resolvers of every result type)
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      const message: TranscriptMessage = { ...request, id };
      worker!.postMessage(message);
    });
  }

  return {
    index: (input) => call({ op: 'index', input }),
    load: (segments) => call({ op: 'load', segments }),
    remove: (episodeIds) => call({ op: 'remove', episodeIds }),
    search: (query, filters, limit) => call({ op: 'search', query, filters, limit }),
    stats: () => call({ op: 'stats' }),
  };
}
