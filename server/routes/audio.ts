import type { Hono } from 'hono';
import { checkTarget } from '../proxy/url-guard';
import { ProxyError, statusText } from '../proxy/errors';
import { discardBody, openUpstream, type ProxyContext } from '../proxy/upstream';
import { relay } from '../proxy/relay';
import { audioContentType } from '../proxy/media-type';
import { EXPOSE_HEADERS, proxyFailure } from './respond';
import { acquire, clientRules, type Share } from './share';

const PASS_DOWN = ['content-length', 'content-range', 'accept-ranges', 'etag', 'last-modified', 'content-encoding'];

/**
 * GET|HEAD /api/audio?url=…: an enclosure streamed through, Range and If-Range passed up,
 * 200/206/416 and their headers mirrored down, tracking-redirect chains followed with the same
 * guard. Its type is only ever the bare essence of an audio/video type, else octet-stream.
 * A stream lives at most audioMaxStreamMs and holds one of the client's slots while open.
 */
export function mountAudioRoute(app: Hono, ctx: ProxyContext, share: Share): void {
  // Hono routes HEAD to GET handlers; c.req.method still says which one the client sent.
  app.get('/api/audio', async (c) => {
    const method = c.req.method === 'HEAD' ? 'HEAD' : 'GET';
    let target: URL;
    try {
      target = checkTarget(c.req.query('url') ?? '', ctx.settings);
    } catch (err) {
      return proxyFailure(c, err);
    }
    const slot = acquire(share, c);
    if (slot instanceof Response) return slot;
    let handedOff = false;
    try {
      const headers: Record<string, string> = {
        accept: '*/*',
        // Ranges must count the bytes of the file itself, never of a compressed rendition.
        'accept-encoding': 'identity',
        'user-agent': ctx.settings.userAgent,
      };
      for (const name of ['range', 'if-range']) {
        const value = c.req.header(name);
        if (value && value.length < 256) headers[name] = value;
      }
      const res = await openUpstream(target, { method, headers, signal: c.req.raw.signal, headersTimeoutMs: ctx.settings.audioHeadersTimeoutMs, decode: false }, ctx);
      if (res.status !== 200 && res.status !== 206 && res.status !== 416) {
        discardBody(res.body);
        throw new ProxyError(502, 'upstream_status', `The audio host answered ${res.status} (${statusText(res.status)})`, res.status);
      }
      const down = new Headers({
        'X-Final-Url': res.finalUrl,
        'Access-Control-Expose-Headers': EXPOSE_HEADERS,
        'Cache-Control': 'no-store',
        'Content-Type': audioContentType(res.headers.get('content-type')),
      });
      for (const name of PASS_DOWN) {
        const value = res.headers.get(name);
        if (value) down.set(name, value);
      }
      if (method === 'HEAD' || res.status === 416 || !res.body) {
        discardBody(res.body);
        return c.body(null, res.status, Object.fromEntries(down));
      }
      const body = relay(res.body.getReader(), {
        ...clientRules(share, c, slot.key, ctx.settings, slot.release),
        host: new URL(res.finalUrl).host,
        upstreamIdleMs: ctx.settings.audioIdleTimeoutMs,
        lifetimeMs: ctx.settings.audioMaxStreamMs,
      });
      handedOff = true;
      return c.body(body, res.status, Object.fromEntries(down));
    } catch (err) {
      return proxyFailure(c, err);
    } finally {
      if (!handedOff) slot.release();
    }
  });
}
