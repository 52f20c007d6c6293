import { STATUS_CODES } from 'node:http';
import zlib from 'node:zlib';
import type { Readable, Transform } from 'node:stream';
import { readProxySettings, type ProxySettings } from '../config';
import { ProxyError, toProxyError } from './errors';
import { checkTarget } from './url-guard';
import { createProxyContext, discard, openUpstream, type ProxyContext } from './upstream';

export { ProxyError } from './errors';

export interface FetchFeedInit {
  /** Only the conditional-GET headers (If-None-Match, If-Modified-Since) and Accept are passed up. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Overrides of the environment's proxy settings (HOPCAST_PROXY_ALLOW and the rest). */
  config?: Partial<ProxySettings>;
  /** Return HTML pages as they are (feed discovery) instead of refusing them as not_a_feed. */
  allowHtml?: boolean;
}

export interface FetchedFeed {
  /** 200 (or another 2xx) with the body, or 304 with an empty body. */
  status: number;
  /** Decoded (gzip/br/deflate undone), at most feedMaxBytes. */
  body: Uint8Array;
  /** The upstream's headers, minus the encoding and framing ones that no longer describe `body`. */
  headers: Headers;
  finalUrl: string;
}

const PASS_UP = ['if-none-match', 'if-modified-since', 'accept'];
const DROP_DOWN = ['content-encoding', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'set-cookie'];
const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8';

function decoderFor(encoding: string, host: string): Transform | null {
  switch (encoding.trim().toLowerCase()) {
    case '':
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'br':
      return zlib.createBrotliDecompress();
    case 'deflate':
      // Servers disagree on zlib-wrapped vs raw deflate; unzip() sniffs the zlib header.
      return zlib.createUnzip();
    default:
      throw new ProxyError(502, 'bad_encoding', `${host} sent the feed in an encoding the server cannot read (${encoding})`);
  }
}

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

function tooLarge(cap: number): ProxyError {
  return new ProxyError(413, 'too_large', `The feed is larger than the ${sizeText(cap)} this server accepts`);
}

/** Reads the body, decoding it, and stops the moment the raw or decoded size passes the cap. */
async function readCapped(body: Readable, encoding: string, cap: number, host: string): Promise<Uint8Array> {
  let decoder: Transform | null;
  try {
    decoder = decoderFor(encoding, host);
  } catch (err) {
    discard(body);
    throw err;
  }
  let raw = 0;
  const source: Readable = decoder ? body.pipe(decoder) : body;
  if (decoder) {
    body.on('data', (chunk: Buffer) => {
      raw += chunk.length;
      if (raw > cap) decoder.destroy(tooLarge(cap));
    });
    body.on('error', (err) => decoder.destroy(err));
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > cap) throw tooLarge(cap);
      chunks.push(chunk);
    }
  } finally {
    discard(body);
    decoder?.destroy();
  }
  return new Uint8Array(Buffer.concat(chunks, size));
}

const HTML_START = /^\uFEFF?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html)[\s>]/i;

export function looksLikeHtmlPage(contentType: string | null, body: Uint8Array): boolean {
  if (!contentType || !/^\s*(?:text\/html|application\/xhtml\+xml)/i.test(contentType)) return false;
  return HTML_START.test(Buffer.from(body.subarray(0, 2048)).toString('latin1'));
}

/** The feed fetch behind /api/feed, on an existing context (the server's pool). */
export async function fetchFeedWith(ctx: ProxyContext, rawUrl: string, init: Omit<FetchFeedInit, 'config'> = {}): Promise<FetchedFeed> {
  const target = checkTarget(rawUrl, ctx.settings);
  const { feedTimeoutMs, feedMaxBytes } = ctx.settings;
  const timeout = new AbortController();
  const timer = setTimeout(
    () => timeout.abort(new ProxyError(504, 'timeout', `${target.host} did not deliver the feed within ${+(feedTimeoutMs / 1000).toFixed(1)} s`)),
    feedTimeoutMs,
  );
  const signal = init.signal ? AbortSignal.any([init.signal, timeout.signal]) : timeout.signal;

  const headers: Record<string, string> = {
    accept: FEED_ACCEPT,
    'accept-encoding': 'gzip, deflate, br',
    'user-agent': ctx.settings.userAgent,
  };
  for (const [name, value] of Object.entries(init.headers ?? {})) {
    if (PASS_UP.includes(name.toLowerCase()) && value) headers[name.toLowerCase()] = value;
  }

  try {
    const res = await openUpstream(target, { method: 'GET', headers, signal, headersTimeout: feedTimeoutMs, bodyTimeout: feedTimeoutMs }, ctx);
    const host = new URL(res.finalUrl).host;
    const down = new Headers(res.headers);
    for (const name of DROP_DOWN) down.delete(name);

    if (res.status === 304) {
      discard(res.body, true);
      return { status: 304, body: new Uint8Array(0), headers: down, finalUrl: res.finalUrl };
    }
    if (res.status < 200 || res.status > 299) {
      discard(res.body, true);
      const text = STATUS_CODES[res.status] ?? 'unknown status';
      throw new ProxyError(502, 'upstream_status', `The feed host answered ${res.status} (${text})`, res.status);
    }
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > feedMaxBytes) {
      discard(res.body);
      throw tooLarge(feedMaxBytes);
    }
    const body = await readCapped(res.body, res.headers.get('content-encoding') ?? '', feedMaxBytes, host);
    if (!init.allowHtml && looksLikeHtmlPage(res.headers.get('content-type'), body)) {
      throw new ProxyError(502, 'not_a_feed', 'This address returned a web page, not a podcast feed');
    }
    return { status: res.status, body, headers: down, finalUrl: res.finalUrl };
  } catch (err) {
    // undici and streams usually rethrow the abort reason itself; when they wrap it, the timer's verdict wins.
    if (timeout.signal.aborted && !(err instanceof ProxyError)) throw timeout.signal.reason as ProxyError;
    throw toProxyError(err, target.host);
  } finally {
    clearTimeout(timer);
  }
}

let defaultContext: ProxyContext | null = null;

/**
 * Fetches a feed with the same guard, redirects, caps and timeouts as /api/feed.
 * Throws ProxyError (status, code, message) for every refusal and failure.
 */
export async function fetchFeed(url: string, init: FetchFeedInit = {}): Promise<FetchedFeed> {
  const { config, ...rest } = init;
  if (!config) {
    defaultContext ??= createProxyContext(readProxySettings(process.env));
    return fetchFeedWith(defaultContext, url, rest);
  }
  const ctx = createProxyContext({ ...readProxySettings(process.env), ...config });
  try {
    return await fetchFeedWith(ctx, url, rest);
  } finally {
    void ctx.agent.close();
  }
}
