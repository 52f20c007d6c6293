import { afterAll, describe, expect, test } from 'vitest';
import { openDB } from 'idb';
import { openHopcastDB } from '../../../src/db/open';
import { buildSegment, isSegment } from '../../../src/core/transcript-index/segment';

const NAME = 'hopcast-transcript-stores';

afterAll(() => {
  indexedDB.deleteDatabase(NAME);
});

describe('v5 stores', () => {
  test('an older database gains the transcript, chapter and index stores, and a segment comes back usable', async () => {
    // A database as version 3 left it (its own stores only matter to their own migration tests).
    const old = await openDB(NAME, 3, { upgrade: (d) => void d.createObjectStore('settings') });
    old.close();
    const db = await openHopcastDB(NAME);
    expect([...db.objectStoreNames]).toEqual(expect.arrayContaining(['transcripts', 'chapters', 'transcriptIndex']));
    const segment = buildSegment({ episodeId: 'e', podcastId: 'p', published: 1, lines: [{ start: 1.5, text: 'stored zeppelins' }], chapters: [] });
    await db.put('transcriptIndex', segment);
    const back = await db.get('transcriptIndex', 'e');
    expect(isSegment(back)).toBe(true);
    expect(back!.terms).toEqual(['stored', 'zeppelins']);
    expect(Array.from(back!.starts)).toEqual([1.5]);
    db.close();
  });
});
