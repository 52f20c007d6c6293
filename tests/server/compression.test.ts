import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { startServer, type RunningServer } from '../../server/index';
import { readConfig } from '../../server/config';
import { pickEncoding, withoutEncodingSuffix } from '../../server/encoding';

const JS = `export const words = ${JSON.stringify('podcast '.repeat(2000))};\n`;
const HTML = `<!doctype html><title>Hopcast</title><div id="app"></div>${'<!-- padding -->'.repeat(200)}`;

/** A build output with twins written the way vite-plugin-compression2 writes them. */
function distWithTwins(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hopcast-compressed-'));
  mkdirSync(path.join(dir, 'assets'));
  const files: Record<string, string> = {
    'index.html': HTML,
    'assets/index-DoftX6z7.js': JS,
    'manifest.webmanifest': JSON.stringify({ name: 'Hopcast', description: 'x'.repeat(2000) }),
  };
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    writeFileSync(`${file}.br`, brotliCompressSync(text));
    writeFileSync(`${file}.gz`, gzipSync(text));
  }
  // No twins: a file the build left alone (too small, or already compressed) is served as it is.
  writeFileSync(path.join(dir, 'assets', 'tiny-AbCdEfGh.js'), 'export {}');
  return dir;
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** node:http, not fetch: fetch decodes bodies itself, and these tests need the bytes on the wire. */
function rawGet(port: number, p: string, acceptEncoding?: string, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
    const req = http.request({ host: '127.0.0.1', port, path: p, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('precompressed static files', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(readConfig({ PORT: '0', HOST: '127.0.0.1', HOPCAST_DIST_DIR: distWithTwins() }));
  });
  afterAll(() => server.close());

  test.each([
    ['/assets/index-DoftX6z7.js', JS],
    ['/', HTML],
    ['/show/some-feed', HTML],
  ])('%s: Brotli when accepted, with the compressed length and Vary', async (p, original) => {
    const res = await rawGet(server.port, p, 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    // Decoding once gives the file back: compressed exactly once, never twice.
    expect(brotliDecompressSync(res.body).toString()).toBe(original);
    expect(res.body.length).toBeLessThan(original.length / 4);
  });

  test('gzip when Brotli is not accepted, and when Brotli is refused with q=0', async () => {
    for (const accept of ['gzip', 'br;q=0, gzip']) {
      const res = await rawGet(server.port, '/assets/index-DoftX6z7.js', accept);
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
      expect(gunzipSync(res.body).toString()).toBe(JS);
    }
    const route = await rawGet(server.port, '/queue', 'br;q=0, gzip');
    expect(route.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(route.body).toString()).toBe(HTML);
  });

  test('identity without Accept-Encoding, still marked Vary so caches keep the variants apart', async () => {
    for (const p of ['/assets/index-DoftX6z7.js', '/settings']) {
      const res = await rawGet(server.port, p);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
    }
    expect((await rawGet(server.port, '/assets/index-DoftX6z7.js')).body.toString()).toBe(JS);
  });

  test('a twin keeps the original file’s caching and media type', async () => {
    const js = await rawGet(server.port, '/assets/index-DoftX6z7.js', 'br');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.headers['content-type']).toMatch(/javascript/);
    const manifest = await rawGet(server.port, '/manifest.webmanifest', 'br');
    expect(manifest.headers['content-encoding']).toBe('br');
    expect(manifest.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(manifest.headers['cache-control']).toBe('no-cache');
    const html = await rawGet(server.port, '/', 'gzip');
    expect(html.headers['cache-control']).toBe('no-cache');
  });

  test('a file without twins is sent as it is', async () => {
    const res = await rawGet(server.port, '/assets/tiny-AbCdEfGh.js', 'br, gzip');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString()).toBe('export {}');
  });

  test('HEAD on a client route gives the length of the body GET would send', async () => {
    const head = await rawGet(server.port, '/downloads', 'br', 'HEAD');
    const get = await rawGet(server.port, '/downloads', 'br');
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(String(get.body.length));
  });
});

describe('Accept-Encoding negotiation', () => {
  test.each([
    [undefined, null],
    ['', null],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['br;q=0.2, gzip;q=0.8', 'gzip'],
    ['*', 'br'],
    ['*;q=0', null],
    ['identity', null],
    ['BR', 'br'],
  ])('%j → %j', (accept, expected) => {
    expect(pickEncoding(accept, ['br', 'gzip'])).toBe(expected);
  });

  test('suffixes are taken off only for the twins', () => {
    expect(withoutEncodingSuffix('/d/assets/a-1.js.br')).toBe('/d/assets/a-1.js');
    expect(withoutEncodingSuffix('/d/index.html.gz')).toBe('/d/index.html');
    expect(withoutEncodingSuffix('/d/sw.js')).toBe('/d/sw.js');
  });
});
