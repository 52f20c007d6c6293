/**
 * Page side of the feed worker: `parseFeedOffThread` takes the same arguments as `parseFeed` and
 * resolves to the same result, parsed in a module worker. The worker starts on first use, handles
 * one request at a time (parsing is CPU-bound; two at once would only compete for the core), and
 * is terminated after a quiet spell to give its memory back.
 *
 * Only `FeedError` comes from core here, never the engine itself: the parser and fast-xml-parser
 * belong in the worker's chunk, not in the app shell.
 */
import { FeedError } from '../core/feed/errors';
import type { ParsedFeed } from '../core/types';
import type { FeedRequest, FeedResponse } from './feed-protocol';

/** How long the worker may sit idle before it is terminated. */
const IDLE_MS = 30_000;
/** A parse is bounded in the engine; this only guards against a wedged worker. */
const TIMEOUT_MS = 60_000;

interface Pending {
  resolve(feed: ParsedFeed): void;
  reject(err: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

let worker: Worker | null = null;
let idleTimer: ReturnType<typeof setTimeout> | null = null;
let nextId = 1;
let current: { id: number; pending: Pending } | null = null;
let queue: Promise<unknown> = Promise.resolve();

function stopWorker(reason: Error | null): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  worker?.terminate();
  worker = null;
  if (current && reason) {
    clearTimeout(current.pending.timer);
    current.pending.reject(reason);
    current = null;
  }
}

function startWorker(): Worker {
  const w = new Worker(new URL('./feed.worker.ts', import.meta.url), { type: 'module', name: 'feed' });
  w.addEventListener('message', (event: MessageEvent<FeedResponse>) => {
    const res = event.data;
    if (!current || res.id !== current.id) return;
    const { pending } = current;
    current = null;
    clearTimeout(pending.timer);
    if (res.ok) pending.resolve(res.feed);
    else if (res.kind === 'internal') pending.reject(new Error(res.message));
    else pending.reject(new FeedError(res.kind, res.message));
  });
  w.addEventListener('error', (event: ErrorEvent) => {
    event.preventDefault?.();
    stopWorker(new Error(`The feed worker failed: ${event.message || 'unknown error'}`));
  });
  w.addEventListener('messageerror', () => stopWorker(new Error('The feed worker could not read the request')));
  return w;
}

/** Bytes are handed over, not copied: the caller's Uint8Array is detached when the request is sent. */
function transferable(input: string | Uint8Array): { input: string | Uint8Array; transfer: Transferable[] } {
  if (typeof input === 'string') return { input, transfer: [] };
  const whole = input.buffer instanceof ArrayBuffer && input.byteOffset === 0 && input.byteLength === input.buffer.byteLength;
  const owned = whole ? input : input.slice();
  return { input: owned, transfer: [owned.buffer as ArrayBuffer] };
}

function request(input: string | Uint8Array, feedUrl?: string, known?: ReadonlySet<string>): Promise<ParsedFeed> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  worker ??= startWorker();
  const id = nextId++;
  const message = transferable(input);
  const body: FeedRequest = { id, input: message.input, feedUrl, known: known ? [...known] : undefined };
  return new Promise<ParsedFeed>((resolve, reject) => {
    const timer = setTimeout(() => stopWorker(new Error('The feed took too long to read')), TIMEOUT_MS);
    current = { id, pending: { resolve, reject, timer } };
    (worker as Worker).postMessage(body, message.transfer);
  }).finally(() => {
    if (worker && !current) idleTimer = setTimeout(() => stopWorker(null), IDLE_MS);
  });
}

/**
 * Parses a feed in the feed worker. Same contract as `parseFeed`: resolves to the `ParsedFeed`,
 * rejects with a `FeedError` when the input carries no feed. A `Uint8Array` is transferred
 * (detached here); pass a copy if you still need the bytes.
 */
export function parseFeedOffThread(input: string | Uint8Array, feedUrl?: string, options?: { known?: ReadonlySet<string> }): Promise<ParsedFeed> {
  const run = queue.then(() => request(input, feedUrl, options?.known));
  queue = run.catch(() => undefined);
  return run;
}
