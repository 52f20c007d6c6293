import { request, type Agent } from 'undici';
import type { Readable } from 'node:stream';
import type { ProxySettings } from '../config';
import { createUpstreamAgent } from './connect-guard';
import { checkTarget } from './url-guard';
import { ProxyError, toProxyError } from './errors';

/** Settings plus the one guarded agent (connection pool) built from them. */
export interface ProxyContext {
  settings: ProxySettings;
  agent: Agent;
}

export function createProxyContext(settings: ProxySettings): ProxyContext {
  return { settings, agent: createUpstreamAgent(settings) };
}

export interface UpstreamRequest {
  method: 'GET' | 'HEAD';
  headers: Record<string, string>;
  signal?: AbortSignal;
  headersTimeout: number;
  bodyTimeout: number;
}

export interface UpstreamResponse {
  status: number;
  headers: Headers;
  body: Readable;
  finalUrl: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) {
      try {
        headers.append(name, v);
      } catch {
        // A header value Headers will not hold (bare CR, NUL) is one we would not pass on anyway.
      }
    }
  }
  return headers;
}

/**
 * Sends one request through the guarded agent and follows redirects by hand, each hop
 * re-checked by checkTarget here and by the connect guard when its socket opens.
 * The caller owns the returned body and must consume or destroy it.
 */
export async function openUpstream(target: URL, req: UpstreamRequest, ctx: ProxyContext): Promise<UpstreamResponse> {
  let url = target;
  for (let hop = 0; ; hop++) {
    let res: Awaited<ReturnType<typeof request>>;
    try {
      res = await request(url, {
        dispatcher: ctx.agent,
        method: req.method,
        headers: req.headers,
        signal: req.signal,
        headersTimeout: req.headersTimeout,
        bodyTimeout: req.bodyTimeout,
      });
    } catch (err) {
      throw toProxyError(err, url.host);
    }
    const location = res.headers.location;
    if (!REDIRECTS.has(res.statusCode) || typeof location !== 'string') {
      return { status: res.statusCode, headers: toHeaders(res.headers), body: res.body, finalUrl: url.href };
    }
    // Reading the small redirect body keeps the connection reusable for the next hop.
    await res.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
    if (hop >= ctx.settings.maxRedirects) {
      throw new ProxyError(502, 'too_many_redirects', `The address redirected more than ${ctx.settings.maxRedirects} times`);
    }
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      throw new ProxyError(502, 'bad_redirect', `${url.host} redirected to an invalid address`);
    }
    url = checkTarget(next, ctx.settings, true);
  }
}

/** Drops a body we will not use; small ones are read off so the connection can be reused. */
export function discard(body: Readable, small = false): void {
  body.on('error', () => undefined);
  if (small && 'dump' in body && typeof body.dump === 'function') {
    (body.dump as (o: { limit: number }) => Promise<void>)({ limit: 64 * 1024 }).catch(() => undefined);
  } else {
    body.destroy();
  }
}
