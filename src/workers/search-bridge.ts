/**
 * Page side of the search worker. Unlike the feed worker it is never stopped when idle: the index
 * lives in it, and reloading that costs more than the memory saves. A crashed worker fails every
 * pending call; the next call starts a fresh (empty) worker, which the caller reloads.
 */
import type { SearchBackend, SearchMessage, SearchReplies, SearchReply, SearchRequest } from '../core/search/backend';

/** Guards against a wedged worker; a full build of 10,000 episodes takes under a second. */
const TIMEOUT_MS = 60_000;

interface Pending {
  resolve(value: unknown): void;
  reject(err: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

export function workerSearchBackend(onCrash?: () => void): SearchBackend {
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
    const w = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'search' });
    w.addEventListener('message', (event: MessageEvent<SearchReply>) => {
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
      fail(new Error(`The search worker failed: ${event.message || 'unknown error'}`));
    });
    w.addEventListener('messageerror', () => fail(new Error('The search worker could not read a message')));
    return w;
  }

  function call<K extends SearchRequest['op']>(request: Extract<SearchRequest, { op: K }>): Promise<SearchReplies[K]> {
    worker ??= start();
    const id = nextId++;
    const message = { ...request, id } as SearchMessage;
    return new Promise<SearchReplies[K]>((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error('The search worker stopped answering')), TIMEOUT_MS);
      pending.set(id, { resolve: resolve, reject, timer });
      worker!.postMessage(message);
    });
  }

  return {
    load: (saved) => call({ op: 'load', saved }),
    reset: () => call({ op: 'reset' }),
    sync: (upserts, removals) => call({ op: 'sync', upserts, removals }),
    search: (query, filters, limit) => call({ op: 'search', query, filters, limit }),
    serialize: () => call({ op: 'serialize' }),
  };
}
