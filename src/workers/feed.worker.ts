/**
 * The feed worker: runs the feed engine off the page's main thread, so an 800-item feed never
 * blocks scrolling or playback controls. One request at a time; the bridge serialises them.
 */
import { FeedError } from '../core/feed/errors';
import { parseFeed } from '../core/feed/index';
import type { FeedRequest, FeedResponse } from './feed-protocol';

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: { data: FeedRequest }) => void): void;
  postMessage(message: FeedResponse): void;
}

const scope = self as unknown as WorkerScope;

function handle(request: FeedRequest): FeedResponse {
  const { id, input, feedUrl, known } = request;
  try {
    const feed = parseFeed(input, feedUrl, known ? { known: new Set(known) } : {});
    return { id, ok: true, feed };
  } catch (err) {
    if (err instanceof FeedError) return { id, ok: false, kind: err.kind, message: err.message };
    const detail = err instanceof Error ? err.message : String(err);
    return { id, ok: false, kind: 'internal', message: `The feed could not be read (${detail})` };
  }
}

scope.addEventListener('message', (event) => scope.postMessage(handle(event.data)));
