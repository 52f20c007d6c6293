import { request, type Agent } from 'undici';
import zlib from 'node:zlib';
import type { Readable, Transform } from 'node:stream';
import type { ProxySettings } from '../settings';
import { createUpstreamAgent } from '../proxy/connect-guard';
import { ProxyError, toProxyError } from '../proxy/errors';
import type { HopFetch, ProxyContext } from '../proxy/hop';

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

/**
 * A Node stream as a web stream that reads one chunk per pull, so nothing is read ahead of the
 * client (Readable.toWeb buffers to its own high-water mark); cancel destroys the source.
 */
export function pullFrom(source: Readable, host: string, destroyAll: () => void): ReadableStream<Uint8Array> {
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer, undefined>;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = await chunks.next();
          if (done) controller.close();
          else controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
        } catch (err) {
          destroyAll();
          controller.error(toProxyError(err, host));
        }
      },
      cancel() {
        destroyAll();
      },
    },
    { highWaterMark: 0 },
  );
}

/** undici through the guarded agent: every socket opens only to an address the policy allows. */
export function nodeHop(agent: Agent): HopFetch {
  return async (url, req) => {
    let res: Awaited<ReturnType<typeof request>>;
    try {
      res = await request(url, {
        dispatcher: agent,
        method: req.method,
        headers: req.headers,
        signal: req.signal,
        headersTimeout: req.headersTimeoutMs,
        // The shared relay watches upstream silence itself (the same on every runtime).
        bodyTimeout: 0,
      });
    } catch (err) {
      throw toProxyError(err, url.host);
    }
    const headers = toHeaders(res.headers);
    const body = res.body;
    body.on('error', () => undefined);
    const redirect = res.statusCode >= 300 && res.statusCode < 400 && headers.has('location');
    // Reading a small bodiless or redirect answer off keeps the connection reusable for the next hop.
    if (req.method === 'HEAD' || redirect || res.statusCode === 204 || res.statusCode === 304) {
      body.dump({ limit: 64 * 1024 }).catch(() => undefined);
      return { status: res.statusCode, headers, body: null };
    }
    let decoder: Transform | null = null;
    if (req.decode) {
      try {
        decoder = decoderFor(headers.get('content-encoding') ?? '', url.host);
      } catch (err) {
        body.destroy();
        throw err;
      }
      if (decoder) {
        headers.delete('content-encoding');
        headers.delete('content-length');
        decoder.on('error', () => undefined);
        body.on('error', (err) => decoder!.destroy(err));
        body.pipe(decoder);
      }
    }
    const destroyAll = () => {
      body.destroy();
      decoder?.destroy();
    };
    return { status: res.statusCode, headers, body: pullFrom(decoder ?? body, url.host, destroyAll) };
  };
}

export function createNodeProxyContext(settings: ProxySettings): ProxyContext {
  const agent = createUpstreamAgent(settings);
  return { settings, hop: nodeHop(agent), close: () => agent.close() };
}
