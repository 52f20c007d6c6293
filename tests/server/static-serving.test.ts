import { appFetch } from './helpers';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { startServer, type RunningServer } from '../../server/index';
import { readConfig } from '../../server/config';

/** A miniature build output with the shapes the real one has. */
function fakeDist(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hopcast-static-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Hopcast</title><div id="app"></div>');
  writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(path.join(dir, 'manifest.webmanifest'), '{"name":"Hopcast"}');
  writeFileSync(path.join(dir, 'assets', 'index-DoftX6z7.js'), 'console.log(1)');
  return dir;
}

describe('production serving', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(readConfig({ PORT: '0', HOST: '127.0.0.1', HOPCAST_DIST_DIR: fakeDist() }));
  });
  afterAll(() => server.close());

  const get = (p: string, init?: RequestInit) => appFetch(`http://127.0.0.1:${server.port}${p}`, init);

  test('index.html and the service worker are revalidated on every load', async () => {
    for (const p of ['/', '/sw.js']) {
      const res = await get(p);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
  });

  test('hashed assets are immutable for a year', async () => {
    const res = await get('/assets/index-DoftX6z7.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  test('the manifest has its own media type', async () => {
    const res = await get('/manifest.webmanifest');
    expect(res.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
  });

  test('a Content-Security-Policy allows no inline script', async () => {
    const csp = (await get('/')).headers.get('content-security-policy') ?? '';
    const scriptSrc = csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
  });

  test('client-side routes fall back to index.html, unknown API paths get a JSON 404', async () => {
    const route = await get('/show/some-feed');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<div id="app">');
    const api = await get('/api/does-not-exist');
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(/application\/json/);
    expect(await api.json()).toMatchObject({ error: 'not_found', message: expect.stringContaining('/api/does-not-exist') });
  });

  test('path traversal stays inside the build folder', async () => {
    const res = await get('/..%2f..%2fetc%2fpasswd');
    expect(await res.text()).not.toContain('root:');
  });
});

describe('process lifecycle', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    test(`prints its URL and shuts down cleanly on ${signal}`, async () => {
      const root = path.resolve(import.meta.dirname, '..', '..');
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
        cwd: root,
        env: { ...process.env, PORT: '0', HOST: '127.0.0.1', HOPCAST_DIST_DIR: fakeDist() },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 15_000);
        child.stdout.on('data', () => {
          if (/running at http:\/\/127\.0\.0\.1:\d+/.test(out)) {
            clearTimeout(t);
            resolve();
          }
        });
      });
      const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1];
      expect((await appFetch(`${url}/api/health`)).status).toBe(200);
      child.kill(signal);
      const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      expect(code).toBe(0);
      expect(out.trim().split('\n')[0]).toMatch(/^Hopcast is running at http:\/\/127\.0\.0\.1:\d+$/);
    }, 30_000);
  }
});
