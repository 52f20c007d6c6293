import type { Hono } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import type { ConcurrencyGate } from '../proxy/limits';
import { busy } from '../proxy/limits';
import { fetchFeedWith } from '../proxy/fetch-feed';
import type { ProxyContext } from '../proxy/upstream';
import { EXPOSE_HEADERS, proxyFailure } from './respond';

/**
 * GET /api/feed?url=…[&allowHtml=1]: the feed (or, with allowHtml, a web page for feed
 * discovery), decoded, with conditional GET passed both ways and the final URL in X-Final-Url.
 */
export function mountFeedRoute(app: Hono, ctx: ProxyContext, gate: ConcurrencyGate): void {
  app.get('/api/feed', async (c) => {
    const release = gate.tryAcquire();
    if (!release) return busy(c);
    try {
      const conditional: Record<string, string> = {};
      for (const name of ['if-none-match', 'if-modified-since']) {
        const value = c.req.header(name);
        if (value && value.length < 1024) conditional[name] = value;
      }
      const feed = await fetchFeedWith(ctx, c.req.query('url') ?? '', {
        headers: conditional,
        signal: c.req.raw.signal,
        allowHtml: c.req.query('allowHtml') === '1',
      });
      c.header('X-Final-Url', feed.finalUrl);
      c.header('Access-Control-Expose-Headers', EXPOSE_HEADERS);
      // Revalidate every time: the browser's own conditional request then travels to the host.
      c.header('Cache-Control', 'no-cache');
      // Someone else's document must never render as a page of this origin.
      c.header('Content-Disposition', 'attachment');
      for (const name of ['etag', 'last-modified']) {
        const value = feed.headers.get(name);
        if (value) c.header(name, value);
      }
      if (feed.status === 304) return c.body(null, 304);
      // Up to feedMaxBytes stay in memory until the client has taken them; one that stops reading
      // is dropped once the socket has made no progress for the idle timeout.
      const outgoing = (c.env as Partial<HttpBindings> | undefined)?.outgoing;
      outgoing?.setTimeout(ctx.settings.clientIdleTimeoutMs, () => outgoing.socket?.resetAndDestroy());
      c.header('Content-Type', feed.headers.get('content-type') ?? 'application/xml');
      return c.body(feed.body as Uint8Array<ArrayBuffer>, 200);
    } catch (err) {
      return proxyFailure(c, err);
    } finally {
      release();
    }
  });
}
