import { checkTarget } from './url-guard';
import { ProxyError } from './errors';
import { discardBody, type ProxyContext } from './hop';

export { discardBody, type ProxyContext } from './hop';

export interface UpstreamRequest {
  method: 'GET' | 'HEAD';
  headers: Record<string, string>;
  signal: AbortSignal;
  headersTimeoutMs: number;
  decode: boolean;
}

export interface UpstreamResponse {
  status: number;
  headers: Headers;
  body: ReadableStream<Uint8Array> | null;
  finalUrl: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Sends one request and follows redirects by hand, each hop re-checked by checkTarget here (and,
 * on Node, by the connect guard when its socket opens). The caller owns the returned body.
 */
export async function openUpstream(target: URL, req: UpstreamRequest, ctx: ProxyContext): Promise<UpstreamResponse> {
  let url = target;
  for (let hop = 0; ; hop++) {
    const res = await ctx.hop(url, req);
    const location = res.headers.get('location');
    if (!REDIRECTS.has(res.status) || location === null) {
      return { status: res.status, headers: res.headers, body: res.body, finalUrl: url.href };
    }
    discardBody(res.body);
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
