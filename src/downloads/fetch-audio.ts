import { parseContentLength, parseContentRange } from '../core/byte-range';
import { proxiedAudioUrl } from '../core/download-shared';
import { DownloadError, isAbortError } from './errors';

/** An opened transfer: where its body starts in the file, and what the server says about the file. */
export interface OpenedAudio {
  response: Response;
  via: 'direct' | 'proxy';
  status: 200 | 206 | 416;
  /** Byte offset of the body's first byte (0 for a 200). */
  start: number;
  /** File size from Content-Range or Content-Length; null when the server did not say. */
  total: number | null;
  etag: string | null;
  lastModified: string | null;
  type: string | null;
  finalUrl: string | null;
}

export interface OpenOptions {
  url: string;
  from: number;
  /** The stored ETag / Last-Modified: sent as If-Range through the proxy. */
  etag: string | null;
  lastModified: string | null;
  signal: AbortSignal;
  /** Origin of the Hopcast server; '' (same origin) in the app. */
  apiBase?: string;
}

/**
 * Hosts (by origin) whose enclosures failed a direct CORS fetch: they go straight to the proxy for
 * a week. Most podcast hosts send no CORS headers, so a failure costs one wasted request per host,
 * remembered across visits.
 */
const NO_CORS_KEY = 'hopcast.noCorsHosts';
const NO_CORS_TTL_MS = 7 * 24 * 3600 * 1000;
const noCors = new Map<string, number>(readNoCors());

function readNoCors(): Array<[string, number]> {
  try {
    const raw = JSON.parse(globalThis.localStorage?.getItem(NO_CORS_KEY) ?? '{}') as Record<string, unknown>;
    return Object.entries(raw).filter((e): e is [string, number] => typeof e[1] === 'number' && Date.now() - e[1] < NO_CORS_TTL_MS);
  } catch {
    return [];
  }
}

function rememberNoCors(origin: string): void {
  noCors.set(origin, Date.now());
  try {
    globalThis.localStorage?.setItem(NO_CORS_KEY, JSON.stringify(Object.fromEntries(noCors)));
  } catch {
    // Storage full or blocked: remembered for this visit only.
  }
}

function describe(res: Response, via: OpenedAudio['via'], finalUrl: string | null): OpenedAudio {
  const range = parseContentRange(res.headers.get('Content-Range'));
  const length = parseContentLength(res.headers.get('Content-Length'));
  const total = res.status === 200 ? length : (range?.total ?? null);
  return {
    response: res,
    via,
    status: res.status as OpenedAudio['status'],
    start: res.status === 206 ? (range?.span?.start ?? -1) : 0,
    total,
    etag: res.headers.get('ETag'),
    lastModified: res.headers.get('Last-Modified'),
    type: res.headers.get('Content-Type'),
    finalUrl,
  };
}

async function direct(opts: OpenOptions): Promise<OpenedAudio | null> {
  const origin = new URL(opts.url).origin;
  if (Date.now() - (noCors.get(origin) ?? 0) < NO_CORS_TTL_MS) return null;
  let res: Response;
  try {
    // Range only: `bytes=N-` is CORS-safelisted, while If-Range would need a preflight that most
    // hosts (and every tracking redirect on the way) do not answer. The 206 is checked by hand.
    res = await fetch(opts.url, { mode: 'cors', credentials: 'omit', cache: 'no-store', headers: { Range: `bytes=${opts.from}-` }, signal: opts.signal });
  } catch (err) {
    if (isAbortError(err)) throw err;
    rememberNoCors(origin);
    return null;
  }
  // A 206 whose Content-Range is not exposed cannot be checked: use the proxy, which exposes it.
  const readable = res.status === 200 || (res.status === 206 && res.headers.get('Content-Range') !== null);
  if (!readable) {
    void res.body?.cancel().catch(() => undefined);
    if (res.status === 206) rememberNoCors(origin);
    return null;
  }
  return describe(res, 'direct', res.redirected ? res.url : null);
}

async function proxied(opts: OpenOptions): Promise<OpenedAudio> {
  const headers: Record<string, string> = { Range: `bytes=${opts.from}-` };
  // A weak ETag may not be used in If-Range (RFC 9110 §13.1.5); Last-Modified then stands in.
  const validator = opts.etag && !opts.etag.startsWith('W/') ? opts.etag : opts.lastModified;
  if (opts.from > 0 && validator) headers['If-Range'] = validator;
  let res: Response;
  try {
    res = await fetch((opts.apiBase ?? '') + proxiedAudioUrl(opts.url), { headers, cache: 'no-store', signal: opts.signal });
  } catch (err) {
    if (isAbortError(err)) throw err;
    throw new DownloadError('network', 'Could not reach the Hopcast server.', true);
  }
  if (res.status === 200 || res.status === 206 || res.status === 416) {
    return describe(res, 'proxy', res.headers.get('X-Final-Url'));
  }
  let message = `The download failed (${res.status}).`;
  try {
    const body = (await res.json()) as { message?: unknown };
    if (typeof body.message === 'string' && body.message) message = body.message;
  } catch {
    // Not the proxy's JSON (a gateway page): the status line above says enough.
  }
  const upstream = Number(res.headers.get('X-Upstream-Status') ?? NaN);
  // Busy server, timeouts and 5xx hosts are worth another try; a 404 or 403 is not.
  const retry = res.status === 429 || res.status === 503 || res.status === 504 || (res.status === 502 && !(upstream >= 400 && upstream < 500));
  throw new DownloadError('http', message, retry);
}

/**
 * Opens the enclosure from byte `from`: straight from the host when it allows CORS, else through
 * /api/audio. Always sends a Range so the answer carries the file's total in Content-Range.
 */
export async function openAudio(opts: OpenOptions): Promise<OpenedAudio> {
  return (await direct(opts)) ?? (await proxied(opts));
}
