import { describe, expect, test } from 'vitest';
import { BackupError, BACKUP_VERSION, checkBackupSize, MAX_BACKUP_BYTES, parseBackup, planItems } from '../../../src/core/backup';

const EP = 'https://feeds.example/show.xml\u0000guid-1';

function backup(sections: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: 'hopcast-backup', version: BACKUP_VERSION, exportedAt: 1_764_000_000_000, app: '0.1.0', sections, ...extra });
}

function refusal(text: string): string {
  try {
    parseBackup(text);
  } catch (err) {
    expect(err).toBeInstanceOf(BackupError);
    return (err as Error).message;
  }
  throw new Error('the backup was accepted');
}

describe('parseBackup', () => {
  test('reads every section and drops unknown fields', () => {
    const parsed = parseBackup(
      backup({
        subscriptions: [{ feedUrl: 'https://feeds.example/show.xml', title: 'Show', subscribedAt: 5, order: 0, extra: 'x' }],
        playState: [{ episodeId: EP, position: 754.2, duration: 2890, played: false, updatedAt: 9 }],
        queue: [{ episodeId: EP }],
        settings: [{ key: 'skipBack', value: 10, updatedAt: 3 }],
        playlists: [{ id: 'p1', kind: 'manual', name: 'Commute', order: 1024, episodeIds: [EP], createdAt: 1, updatedAt: 2 }],
        bookmarks: [{ id: 'b1', episodeId: EP, podcastId: 'https://feeds.example/show.xml', time: 12, note: 'good bit', episodeTitle: 'E', podcastTitle: 'S', createdAt: 1, updatedAt: 2 }],
        showSettings: [{ podcastId: 'https://feeds.example/show.xml', settings: { speed: 1.5, skipSilence: true }, updatedAt: 4 }],
      }),
    );
    expect(parsed.sections.subscriptions).toEqual([{ feedUrl: 'https://feeds.example/show.xml', title: 'Show', subscribedAt: 5, order: 0 }]);
    expect(parsed.sections.playState?.[0]?.position).toBe(754.2);
    expect(parsed.sections.queue).toEqual([{ episodeId: EP }]);
    expect(parsed.sections.playlists?.[0]).toMatchObject({ kind: 'manual', episodeIds: [EP] });
    expect(parsed.sections.bookmarks?.[0]?.note).toBe('good bit');
    expect(parsed.sections.showSettings?.[0]?.settings).toEqual({ speed: 1.5, skipSilence: true });
  });

  test('a backup from before a section existed imports what it has', () => {
    const parsed = parseBackup(backup({ subscriptions: [{ feedUrl: 'https://feeds.example/a.xml' }] }));
    expect(parsed.sections.subscriptions?.[0]).toEqual({ feedUrl: 'https://feeds.example/a.xml', title: '', subscribedAt: 0, order: 0 });
    expect(parsed.sections.playlists).toBeUndefined();
    expect(parsed.sections.bookmarks).toBeUndefined();
  });

  test('refuses a newer version, a missing version and a foreign format with a clear sentence', () => {
    expect(refusal(backup({}, { version: BACKUP_VERSION + 1 }))).toMatch(/newer Hopcast.*Update Hopcast/);
    expect(refusal(backup({}, { version: '1' }))).toMatch(/no valid version/);
    expect(refusal(backup({}, { format: 'something-else' }))).toMatch(/not a Hopcast backup/);
    expect(refusal('{"format":"hopcast-backup","version":1,')).toMatch(/not valid JSON/);
    expect(refusal('[1,2,3]')).toMatch(/must be an object/);
  });

  test('refuses prototype-pollution keys anywhere in the file', () => {
    const hostile = `{"format":"hopcast-backup","version":1,"exportedAt":1,"sections":{"settings":[{"key":"skipBack","value":{"__proto__":{"polluted":true}},"updatedAt":1}]}}`;
    expect(refusal(hostile)).toMatch(/forbidden key "__proto__"/);
    expect(refusal(backup({ constructor: { prototype: { polluted: true } } }))).toMatch(/forbidden key/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('refuses bad types with the exact place', () => {
    expect(refusal(backup({ playState: [{ episodeId: EP, position: 'ten', duration: null, played: false, updatedAt: 1 }] }))).toBe('playState[0].position must be a number.');
    expect(refusal(backup({ playState: [{ episodeId: EP, position: 1, duration: null, played: 'yes', updatedAt: 1 }] }))).toBe('playState[0].played must be true or false.');
    expect(refusal(backup({ subscriptions: [{ feedUrl: 'javascript:alert(1)' }] }))).toBe('subscriptions[0].feedUrl must be an http or https address.');
    expect(refusal(backup({ queue: { episodeId: EP } }))).toBe('queue must be a list.');
    expect(refusal(backup({ queue: [{ episodeId: 'no-separator' }] }))).toMatch(/queue\[0\]\.episodeId is not an episode id/);
    expect(refusal(backup({ bookmarks: [{ id: 'b', episodeId: EP, time: -1, createdAt: 1, updatedAt: 1 }] }))).toMatch(/^bookmarks\[0\]: /);
    expect(refusal(backup({ playlists: [{ id: 'p', kind: 'weird', name: 'x', createdAt: 1, updatedAt: 1 }] }))).toMatch(/^playlists\[0\]: Playlist “x” is of an unknown kind/);
    expect(refusal(backup({ playState: [{ episodeId: EP, position: Number('1e400'), duration: null, played: false, updatedAt: 1 }] }))).toMatch(/must be a number/);
  });

  test('refuses a file over the size limit before reading it, and deeply nested settings', () => {
    expect(() => checkBackupSize(100 * 1024 * 1024)).toThrow(/100 MB; a Hopcast backup is at most 32 MB/);
    expect(() => checkBackupSize(0)).toThrow(/empty/);
    expect(() => checkBackupSize(MAX_BACKUP_BYTES)).not.toThrow();
    const deep = { a: { b: { c: { d: { e: 1 } } } } };
    expect(refusal(backup({ settings: [{ key: 'prefs.x', value: deep, updatedAt: 1 }] }))).toMatch(/nested too deeply/);
  });
});

describe('planItems', () => {
  type Item = { id: string; v: number; updatedAt: number };
  const key = (i: Item) => i.id;
  const at = (i: Item) => i.updatedAt;
  const local: Item[] = [
    { id: 'a', v: 1, updatedAt: 10 },
    { id: 'b', v: 1, updatedAt: 10 },
    { id: 'c', v: 1, updatedAt: 10 },
  ];

  test('adds missing items, newer ones win, older and equal ones keep the local copy, nothing removed', () => {
    const plan = planItems(
      local,
      [
        { id: 'a', v: 2, updatedAt: 11 },
        { id: 'b', v: 2, updatedAt: 9 },
        { id: 'c', v: 2, updatedAt: 10 },
        { id: 'd', v: 2, updatedAt: 1 },
      ],
      key,
      at,
    );
    expect(plan.add.map(key)).toEqual(['d']);
    expect(plan.change).toEqual([{ id: 'a', v: 2, updatedAt: 11 }]);
    expect(plan.keep).toBe(2);
    expect(plan.remove).toEqual([]);
  });

  test('replace mode lists local items the backup lacks; duplicates in the file count once', () => {
    const plan = planItems(
      local,
      [
        { id: 'a', v: 2, updatedAt: 1 },
        { id: 'a', v: 3, updatedAt: 99 },
      ],
      key,
      at,
      'replace',
    );
    expect(plan.remove.map(key)).toEqual(['b', 'c']);
    expect(plan.change).toEqual([]);
  });
});
