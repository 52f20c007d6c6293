import { ProxyError, statusText, toProxyError } from './errors';
import { checkTarget } from './url-guard';
import { discardBody, openUpstream, type ProxyContext } from './upstream';

export interface OpenFeedInit {
  headers?: Record<string, string>;
  signal?: AbortSignal;
  allowHtml?: boolean;
}

/** A feed answer whose body is still to be read: the first bytes peeked, the rest in `reader`. */
export interface OpenedFeed {
  status: number;
  /** The upstream's headers, minus the encoding and framing ones that no longer describe the body. */
  headers: Headers;
  finalUrl: string;
  /** The first (up to ~2 KB) decoded bytes, already read to tell a feed from a web page. */
  head: Uint8Array;
  /** The rest of the decoded body; null for 304. Read it to the end or call done(). */
  reader: ReadableStreamDefaultReader<Uint8Array> | null;
  tooLarge: () => ProxyError;
  /** When the fetch began: feedTimeoutMs counts upstream time from here. */
  startedAt: number;
  /** Stops reading and lets the upstream go. */
  done(): void;
}

const PASS_UP = ['if-none-match', 'if-modified-since', 'accept'];
const DROP_DOWN = ['content-encoding', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'set-cookie'];
const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8';
const HEAD_BYTES = 2048;

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

export function tooLargeError(cap: number): ProxyError {
  return new ProxyError(413, 'too_large', `The feed is larger than the ${sizeText(cap)} this server accepts`);
}

const HTML_START = /^\uFEFF?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html)[\s>]/i;

export function looksLikeHtmlPage(contentType: string | null, head: Uint8Array): boolean {
  if (!contentType || !/^\s*(?:text\/html|application\/xhtml\+xml)/i.test(contentType)) return false;
  return HTML_START.test(latin1(head.subarray(0, HEAD_BYTES)));
}

export function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += String.fromCharCode(bytes[i]);
  return out;
}

/**
 * Opens the feed behind /api/feed: guard, redirects, conditional GET, decoding, the first bytes
 * read to refuse a web page, and nothing more held in memory. feedTimeoutMs covers everything
 * up to that first peek; after it the relay's idle and floor rules take over.
 */
export async function openFeed(ctx: ProxyContext, rawUrl: string, init: OpenFeedInit = {}): Promise<OpenedFeed> {
  const target = checkTarget(rawUrl, ctx.settings);
  const startedAt = Date.now();
  const { feedTimeoutMs, feedMaxBytes } = ctx.settings;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new ProxyError(504, 'timeout', `${target.host} did not deliver the feed within ${+(feedTimeoutMs / 1000).toFixed(1)} s`)), feedTimeoutMs);
  const signal = init.signal ? AbortSignal.any([init.signal, timeout.signal]) : timeout.signal;
  const tooLarge = () => tooLargeError(feedMaxBytes);

  const headers: Record<string, string> = {
    accept: FEED_ACCEPT,
    'accept-encoding': 'gzip, deflate, br',
    'user-agent': ctx.settings.userAgent,
  };
  for (const [name, value] of Object.entries(init.headers ?? {})) {
    if (PASS_UP.includes(name.toLowerCase()) && value) headers[name.toLowerCase()] = value;
  }

  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  try {
    const res = await openUpstream(target, { method: 'GET', headers, signal, headersTimeoutMs: feedTimeoutMs, decode: true }, ctx);
    const down = new Headers(res.headers);
    for (const name of DROP_DOWN) down.delete(name);
    const base = { headers: down, finalUrl: res.finalUrl, tooLarge, startedAt };

    if (res.status === 304) {
      discardBody(res.body);
      return { ...base, status: 304, head: new Uint8Array(0), reader: null, done: () => undefined };
    }
    if (res.status < 200 || res.status > 299) {
      discardBody(res.body);
      const text = statusText(res.status);
      throw new ProxyError(502, 'upstream_status', `The feed host answered ${res.status} (${text})`, res.status);
    }
    // Only an undecoded body still carries its length: a decoded one is counted as it flows.
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > feedMaxBytes) {
      discardBody(res.body);
      throw tooLarge();
    }
    reader = (res.body ?? new ReadableStream<Uint8Array>({ start: (c) => c.close() })).getReader();
    const parts: Uint8Array[] = [];
    let size = 0;
    while (size < HEAD_BYTES) {
      const { value, done } = await reader.read();
      if (done) break;
      parts.push(value);
      size += value.byteLength;
      if (size > feedMaxBytes) throw tooLarge();
    }
    const head = parts.length === 1 ? parts[0] : concat(parts, size);
    if (!init.allowHtml && looksLikeHtmlPage(res.headers.get('content-type'), head)) {
      throw new ProxyError(502, 'not_a_feed', 'This address returned a web page, not a podcast feed');
    }
    const owned = reader;
    return { ...base, status: res.status, head, reader: owned, done: () => void owned.cancel().catch(() => undefined) };
  } catch (err) {
    reader?.cancel().catch(() => undefined);
    // Streams usually rethrow the abort reason itself; when they wrap it, the timer's verdict wins.
    if (timeout.signal.aborted && !(err instanceof ProxyError)) throw timeout.signal.reason as ProxyError;
    throw toProxyError(err, target.host);
  } finally {
    clearTimeout(timer);
  }
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
