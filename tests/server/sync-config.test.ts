import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config';
import { startTestServer } from './helpers';
import { basic, call } from './sync-helpers';

describe('sync settings', () => {
  it('are off by default with the documented defaults', () => {
    const sync = readConfig({}).sync;
    expect(sync).toEqual({
      enabled: false,
      signup: false,
      databaseUrl: null,
      dataDir: path.resolve(import.meta.dirname, '../../data'),
      maxActions: 1000,
      maxBodyBytes: 2 * 1024 * 1024,
      sessionMs: 30 * 86_400_000,
    });
  });

  it('read every variable', () => {
    const sync = readConfig({
      HOPCAST_SYNC: '1',
      HOPCAST_SYNC_SIGNUP: 'true',
      DATABASE_URL: 'postgres://u:p@db.internal:5432/hopcast',
      HOPCAST_DATA_DIR: '/var/lib/hopcast',
      HOPCAST_SYNC_MAX_ACTIONS: '30',
      HOPCAST_SYNC_MAX_BODY_BYTES: '65536',
      HOPCAST_SYNC_SESSION_DAYS: '7',
    }).sync;
    expect(sync).toEqual({
      enabled: true,
      signup: true,
      databaseUrl: 'postgres://u:p@db.internal:5432/hopcast',
      dataDir: '/var/lib/hopcast',
      maxActions: 30,
      maxBodyBytes: 65536,
      sessionMs: 7 * 86_400_000,
    });
  });

  it('stop the server at start when invalid, naming the variable', () => {
    expect(() => readConfig({ HOPCAST_SYNC: 'yes' })).toThrow('HOPCAST_SYNC must be 1 or 0, got "yes"');
    expect(() => readConfig({ DATABASE_URL: 'mysql://x/y' })).toThrow(/DATABASE_URL must start with postgres:\/\//);
    expect(() => readConfig({ HOPCAST_SYNC_MAX_ACTIONS: '0' })).toThrow(/HOPCAST_SYNC_MAX_ACTIONS must be a whole number of at least 1/);
  });

  it('a database that cannot be reached answers 503 with words, not a hang or a crash', async () => {
    const server = await startTestServer({ HOPCAST_SYNC: '1', DATABASE_URL: 'postgresql://postgres@localhost/none?host=%2Fnonexistent-hopcast-socket-dir&port=5432' });
    try {
      const res = await call(server, 'GET', '/api/2/devices/a.json', { auth: basic('a') });
      expect(res.status).toBe(503);
      expect(res.json).toEqual({ error: 'sync_unavailable', message: expect.stringMatching(/sync database is unavailable/) });
    } finally {
      await server.close();
    }
  });

  it('a database that could not open is tried again, so the server recovers without a restart', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hopcast-sync-retry-'));
    const blocked = path.join(dir, 'data');
    writeFileSync(blocked, 'a file where the data folder should be');
    const server = await startTestServer({ HOPCAST_SYNC: '1', HOPCAST_DATA_DIR: blocked });
    try {
      expect((await call(server, 'GET', '/api/2/devices/a.json')).status).toBe(503);
      rmSync(blocked);
      // The next try comes at least 5 s after the failure.
      await expect.poll(async () => (await call(server, 'GET', '/api/2/devices/a.json')).status, { timeout: 30_000, interval: 500 }).toBe(401);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
