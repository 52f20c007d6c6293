/**
 * Shared by the state-layer unit tests: an empty database per test, a feed builder, and a pretend
 * network (a `fetch` stub answering the app's own `/api/feed` and `/api/audio` proxy paths), so
 * the state modules run unchanged against fake-indexeddb with nothing leaving the process.
 */
import { vi } from 'vitest';
import { handleTranscriptRequest, type TranscriptBackend, type TranscriptReplies, type TranscriptRequest } from '../../../src/core/transcript-index/backend';
import { TranscriptIndex } from '../../../src/core/transcript-index/index';
import type { Episode, Podcast } from '../../../src/core/types';

/** Closes the open connection and deletes the database; the next `db()` call starts a new one. */
export async function freshDb(): Promise<void> {
  const open = await import('../../../src/db/open');
  (await open.db()).close();
  open.resetDbConnection();
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase('hopcast');
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error('deleteDatabase failed'));
  });
}

export interface Item {
  guid: string;
  title?: string;
  /** Days after 2024-01-01. */
  day?: number;
}

/** An RSS feed with an itunes:author (so same-show matching can apply) and one enclosure per item. */
export function feedXml(title: string, items: Item[], extra = ''): string {
  const body = items
    .map(({ guid, title: t, day = 0 }) => {
      const date = new Date(Date.UTC(2024, 0, 1 + day)).toUTCString();
      return `<item><title>${t ?? guid}</title><guid>${guid}</guid><pubDate>${date}</pubDate><enclosure url="https://cdn.example/${guid}.mp3" type="audio/mpeg" length="1000"/></item>`;
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">' +
    `<channel><title>${title}</title><itunes:author>Host of ${title}</itunes:author><link>https://show.example/</link>${extra}${body}</channel></rss>`
  );
}

/** What the pretend proxy answers for one upstream URL. */
export type Answer = { feed: string; etag?: string; contentType?: string } | { error: string; status?: number; upstream?: number; message?: string } | { throws: true };

/**
 * The server's proxy as the app sees it. `feeds` maps upstream URLs to answers (anything else is
 * the proxy's 502 for an upstream 404); `calls` lists every upstream URL asked for, in order.
 */
export class FakeNet {
  readonly feeds = new Map<string, Answer>();
  readonly calls: string[] = [];
  /** Requests held until their gate is opened (to see what runs concurrently). */
  readonly gates = new Map<string, Promise<void>>();
  inFlight = 0;
  maxInFlight = 0;
  /** What `/api/search` answers: directory results, or the proxy's error when the directories are down. */
  directory: Array<{ title: string; feedUrl: string; author: string | null }> | 'down' = [];

  readonly fetch = vi.fn(async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(requestUrl(input), 'https://app.example/');
    if (url.pathname === '/api/search') return this.search(url.searchParams.get('q') ?? '');
    if (url.pathname === '/api/lookup') {
      this.calls.push(`lookup:${url.searchParams.get('id')}`);
      return Response.json({ results: [] });
    }
    const upstream = url.searchParams.get('url') ?? '';
    this.calls.push(upstream);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await this.gates.get(upstream);
      return this.answer(upstream, new Headers(init?.headers));
    } finally {
      this.inFlight--;
    }
  });

  private answer(upstream: string, headers: Headers): Response {
    const answer = this.feeds.get(upstream) ?? { error: 'upstream_status', status: 502, upstream: 404, message: 'The feed host answered 404' };
    if ('throws' in answer) throw new TypeError('fetch failed');
    if ('error' in answer) {
      const h: Record<string, string> = { 'content-type': 'application/json' };
      if (answer.upstream) h['x-upstream-status'] = String(answer.upstream);
      return new Response(JSON.stringify({ error: answer.error, message: answer.message ?? answer.error }), { status: answer.status ?? 502, headers: h });
    }
    if (answer.etag && headers.get('if-none-match') === answer.etag) return new Response(null, { status: 304, headers: { etag: answer.etag } });
    const h: Record<string, string> = { 'content-type': 'application/octet-stream', 'x-final-url': upstream, 'x-upstream-content-type': answer.contentType ?? 'application/rss+xml' };
    if (answer.etag) h.etag = answer.etag;
    return new Response(answer.feed, { status: 200, headers: h });
  }

  private search(q: string): Response {
    this.calls.push(`search:${q}`);
    if (this.directory === 'down') return Response.json({ error: 'upstream_error', message: 'The podcast directories did not answer' }, { status: 502 });
    return Response.json({ results: this.directory.map((r) => ({ image: null, description: null, episodeCount: null, source: 'apple', ...r })) });
  }

  /** Holds requests for `upstream` until the returned function is called. */
  hold(upstream: string): () => void {
    let open!: () => void;
    this.gates.set(upstream, new Promise<void>((resolve) => (open = resolve)));
    return () => {
      this.gates.delete(upstream);
      open();
    };
  }
}

/** Parsing runs in-thread with the real parser: the worker bridge is a transport, tested on its own. */
export async function parseInThread(input: string | Uint8Array, feedUrl?: string, options?: { known?: ReadonlySet<string> }) {
  const { parseFeed } = await import('../../../src/core/feed/index');
  return parseFeed(input, feedUrl, options?.known ? { known: options.known } : {});
}

/** An episode record as stored, with only what the state tests look at filled in. */
export function storedEpisode(podcastId: string, guid: string, published: number, duration: number | null = 600): Episode {
  return {
    id: `${podcastId}\u0000${guid}`,
    podcastId,
    guid,
    title: guid,
    pubDate: null,
    published,
    enclosure: { url: `https://cdn.example/${guid}.mp3`, type: 'audio/mpeg', length: null },
    duration,
    season: null,
    episode: null,
    episodeType: null,
    explicit: null,
    chapters: null,
    chaptersType: null,
    transcripts: [],
    persons: [],
    funding: [],
    image: null,
    link: null,
    description: '',
    notesText: '',
    fingerprint: guid,
    played: 0,
    addedAt: 0,
  };
}

export function storedPodcast(id: string, title = 'Show', order = 0): Podcast {
  return {
    id,
    feedUrl: id,
    title,
    author: null,
    description: '',
    image: null,
    link: null,
    language: null,
    categories: [],
    funding: [],
    persons: [],
    subscribedAt: 0,
    lastRefreshAt: 0,
    lastError: null,
    etag: null,
    lastModified: null,
    newCount: 0,
    order,
  };
}

/** Writes a show and its episodes as a subscribe would (one transaction). */
export async function storeShow(podcast: Podcast, episodes: Episode[]): Promise<void> {
  const { writeFeed } = await import('../../../src/db/library-writes');
  await writeFeed({ podcast, added: episodes, changed: [], countNew: false });
}

/** The address a fetch was asked for, whichever form it came in. */
export function requestUrl(input: string | URL | Request): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

/**
 * The transcript worker in-thread: the same request handler over the same index class, so a test
 * can see what was asked (`requests`), start over with an empty index as a new worker would, and
 * make the worker die (`crash`). Hand `start` to a `vi.mock` of src/workers/transcript-bridge.
 */
export class TranscriptWorkerStandIn {
  /** Workers started so far (each begins with an empty index). */
  started = 0;
  readonly requests: Array<TranscriptRequest['op']> = [];
  /** The next `load` rejects, as a worker that failed to start would. */
  failNextLoad = false;
  private onCrash: (() => void) | undefined;

  start(onCrash?: () => void): TranscriptBackend {
    this.started++;
    this.onCrash = onCrash;
    const index = new TranscriptIndex();
    const call = async <K extends TranscriptRequest['op']>(request: Extract<TranscriptRequest, { op: K }>): Promise<TranscriptReplies[K]> => {
      await Promise.resolve();
      this.requests.push(request.op);
      if (request.op === 'load' && this.failNextLoad) {
        this.failNextLoad = false;
        throw new Error('The transcript worker failed: boom');
      }
      return handleTranscriptRequest(index, request) as TranscriptReplies[K];
    };
    return {
      index: (input) => call({ op: 'index', input }),
      load: (segments) => call({ op: 'load', segments }),
      remove: (episodeIds) => call({ op: 'remove', episodeIds }),
      search: (query, filters, limit) => call({ op: 'search', query, filters, limit }),
      stats: () => call({ op: 'stats' }),
    };
  }

  /** The worker died: its owner is told, and the next use must start (and load) a new one. */
  crash(): void {
    this.onCrash?.();
  }
}
