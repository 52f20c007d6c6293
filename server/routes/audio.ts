import type { Hono } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import type { Readable } from 'node:stream';
import { STATUS_CODES } from 'node:http';
import { busy, type ConcurrencyGate } from '../proxy/limits';
import { checkTarget } from '../proxy/url-guard';
import { ProxyError } from '../proxy/errors';
import { discard, openUpstream, type ProxyContext } from '../proxy/upstream';
import { EXPOSE_HEADERS, proxyFailure } from './respond';

const PASS_DOWN = ['content-length', 'content-range', 'accept-ranges', 'etag', 'last-modified', 'content-encoding'];
/** Types an enclosure may carry; anything else (text/html, image/svg+xml) must not render as this origin. */
const MEDIA_TYPE = /^\s*(?:audio\/|video\/|application\/(?:octet-stream|ogg|mp4)|binary\/octet-stream)[^\s;,]*\s*(?:;.*)?$/i;

/**
 * Pulls one chunk from upstream per chunk the client takes, so memory stays flat however large
 * the file; the reader being cancelled (client gone) destroys the upstream request. A client that
 * stops taking chunks would otherwise hold an upstream connection and a gate slot for ever (undici's
 * body timeout sleeps while the socket is paused), so after `stallMs` without a pull the upstream is
 * dropped and so is the client's connection (`hangUp`), or, without one, the stream errors.
 */
function passThrough(body: Readable, stallMs: number, hangUp: (() => void) | null, onDone: () => void): ReadableStream<Uint8Array> {
  const chunks = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let finished = false;
  let stall: NodeJS.Timeout | undefined;
  const finish = () => {
    clearTimeout(stall);
    if (finished) return;
    finished = true;
    onDone();
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      clearTimeout(stall);
      try {
        const { value, done } = await chunks.next();
        if (done) {
          finish();
          controller.close();
        } else {
          controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
          stall = setTimeout(() => {
            finish();
            discard(body);
            if (hangUp) hangUp();
            else controller.error(new Error(`The client took nothing for ${stallMs} ms`));
          }, stallMs);
        }
      } catch (err) {
        finish();
        controller.error(err);
      }
    },
    cancel() {
      finish();
      discard(body);
    },
  });
}

/**
 * GET|HEAD /api/audio?url=…: an enclosure streamed through, Range and If-Range passed up,
 * 200/206/416 and their headers mirrored down, tracking-redirect chains followed with the same guard.
 */
export function mountAudioRoute(app: Hono, ctx: ProxyContext, gate: ConcurrencyGate): void {
  // Hono routes HEAD to GET handlers; c.req.method still says which one the client sent.
  app.get('/api/audio', async (c) => {
    const method = c.req.method === 'HEAD' ? 'HEAD' : 'GET';
    let target: URL;
    try {
      target = checkTarget(c.req.query('url') ?? '', ctx.settings);
    } catch (err) {
      return proxyFailure(c, err);
    }
    const release = gate.tryAcquire();
    if (!release) return busy(c);

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

    let res;
    try {
      res = await openUpstream(
        target,
        {
          method,
          headers,
          signal: c.req.raw.signal,
          headersTimeout: ctx.settings.audioHeadersTimeoutMs,
          bodyTimeout: ctx.settings.audioIdleTimeoutMs,
        },
        ctx,
      );
    } catch (err) {
      release();
      return proxyFailure(c, err);
    }

    if (res.status !== 200 && res.status !== 206 && res.status !== 416) {
      discard(res.body, true);
      release();
      const text = STATUS_CODES[res.status] ?? 'unknown status';
      return proxyFailure(c, new ProxyError(502, 'upstream_status', `The audio host answered ${res.status} (${text})`, res.status));
    }

    const down = new Headers({
      'X-Final-Url': res.finalUrl,
      'Access-Control-Expose-Headers': EXPOSE_HEADERS,
      'Cache-Control': 'no-store',
    });
    const type = res.headers.get('content-type');
    down.set('Content-Type', type && MEDIA_TYPE.test(type) ? type : 'application/octet-stream');
    for (const name of PASS_DOWN) {
      const value = res.headers.get(name);
      if (value) down.set(name, value);
    }
    if (method === 'HEAD' || res.status === 416) {
      discard(res.body, true);
      release();
      return new Response(null, { status: res.status, headers: down });
    }
    const outgoing = (c.env as Partial<HttpBindings> | undefined)?.outgoing;
    // A reset, not a close: the stalled client's unread bytes would otherwise sit in the kernel.
    const hangUp = outgoing ? () => void (outgoing.socket ? outgoing.socket.resetAndDestroy() : outgoing.destroy()) : null;
    return new Response(passThrough(res.body, ctx.settings.clientIdleTimeoutMs, hangUp, release), { status: res.status, headers: down });
  });
}
