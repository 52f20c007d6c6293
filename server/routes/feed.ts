import type { Hono } from 'hono';
import { latin1, openFeed } from '../proxy/open-feed';
import { relay } from '../proxy/relay';
import { describedType, feedContentType } from '../proxy/media-type';
import type { ProxyContext } from '../proxy/hop';
import { EXPOSE_HEADERS, proxyFailure } from './respond';
import { acquire, clientRules, type Share } from './share';

/**
 * GET /api/feed?url=…[&allowHtml=1]: the feed (or, with allowHtml, a web page for feed
 * discovery), decoded and streamed as it is decoded, with conditional GET passed both ways and
 * the final URL in X-Final-Url. It answers in a type of its own choosing that no browser runs
 * (application/xml, else application/octet-stream); the host's own type travels in
 * X-Upstream-Content-Type. The client's slot is held until it has the whole body or is gone.
 */
export function mountFeedRoute(app: Hono, ctx: ProxyContext, share: Share): void {
  app.get('/api/feed', async (c) => {
    const slot = acquire(share, c);
    if (slot instanceof Response) return slot;
    let handedOff = false;
    try {
      const conditional: Record<string, string> = {};
      for (const name of ['if-none-match', 'if-modified-since']) {
        const value = c.req.header(name);
        if (value && value.length < 1024) conditional[name] = value;
      }
      const allowHtml = c.req.query('allowHtml') === '1';
      const feed = await openFeed(ctx, c.req.query('url') ?? '', { headers: conditional, signal: c.req.raw.signal, allowHtml });
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
      if (feed.status === 304 || !feed.reader) return c.body(null, 304);
      const upstreamType = describedType(feed.headers.get('content-type'));
      if (upstreamType) c.header('X-Upstream-Content-Type', upstreamType);
      const isHtml = /^(?:text\/html|application\/xhtml\+xml)/i.test(upstreamType ?? '');
      c.header('Content-Type', feedContentType(latin1(feed.head.subarray(0, 256)), isHtml));
      const host = new URL(feed.finalUrl).host;
      const body = relay(feed.reader, {
        ...clientRules(share, c, slot.key, ctx.settings, slot.release),
        host,
        upstreamIdleMs: ctx.settings.feedTimeoutMs,
        upstreamBudgetMs: ctx.settings.feedTimeoutMs - (Date.now() - feed.startedAt),
        maxBytes: ctx.settings.feedMaxBytes,
        tooLarge: feed.tooLarge,
        head: feed.head,
      });
      handedOff = true;
      return c.body(body, 200);
    } catch (err) {
      return proxyFailure(c, err);
    } finally {
      if (!handedOff) slot.release();
    }
  });
}
