import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Podcast } from '../../../src/core/types';

/**
 * The store is replaced by a table whose reads we release by hand, so "a write lands while a
 * read is in flight" happens every run, not 3 times in 8.
 */
const table: Podcast[] = [];
const pendingReads: Array<() => void> = [];
const rejecters: Array<(err: Error) => void> = [];
const pendingFailures: Error[] = [];
let holdReads = false;

vi.mock('../../../src/db/podcasts', () => ({
  listPodcasts: () => {
    const snapshot = [...table];
    if (!holdReads) return Promise.resolve(snapshot);
    return new Promise<Podcast[]>((resolve, reject) => {
      pendingReads.push(() => resolve(snapshot));
      rejecters.push(reject);
    });
  },
}));
vi.mock('../../../src/db/episodes', () => ({ countUnplayedByPodcast: () => Promise.resolve(0), latestPublished: () => Promise.resolve(0) }));

const { loadLibrary, libraryChanged, podcasts } = await import('../../../src/state/library');

const show = (id: string): Podcast => ({ id, feedUrl: id, title: id }) as Podcast;
const releaseAll = () => {
  rejecters.length = 0;
  pendingReads.splice(0).forEach((release) => release());
};
/** Fails the held read(s) with the queued errors. */
const failHeld = (_which: Promise<void>) => rejecters.splice(0).forEach((reject, i) => reject(pendingFailures[i] ?? new Error('disk')));

describe('loadLibrary after a write', () => {
  beforeEach(() => {
    table.length = 0;
    pendingReads.length = 0;
    rejecters.length = 0;
    pendingFailures.length = 0;
    holdReads = false;
    podcasts.value = [];
  });

  it('shows a show stored while another read was in flight', async () => {
    table.push(show('heavy-networking'));
    holdReads = true;
    const first = loadLibrary(); // started before the write: cannot see it
    table.push(show('day-two-devops')); // the write
    const afterWrite = libraryChanged(); // must be answered by a read that sees the write
    releaseAll();
    await first;
    await expect.poll(() => pendingReads.length).toBe(1);
    releaseAll();
    await afterWrite;
    expect(podcasts.value.map((p) => p.id)).toEqual(['heavy-networking', 'day-two-devops']);
  });

  it('coalesces callers arriving during one read into a single follow-up read', async () => {
    holdReads = true;
    const first = loadLibrary();
    table.push(show('a'));
    const second = loadLibrary();
    table.push(show('b'));
    const third = loadLibrary();
    expect(pendingReads.length).toBe(1);
    releaseAll();
    await first;
    await expect.poll(() => pendingReads.length).toBe(1);
    releaseAll();
    await Promise.all([second, third]);
    expect(podcasts.value.map((p) => p.id)).toEqual(['a', 'b']);
    expect(pendingReads.length).toBe(0);
  });

  it('a failed read does not stop the queued one', async () => {
    holdReads = true;
    table.push(show('a'));
    const first = loadLibrary();
    table.push(show('b'));
    const second = loadLibrary();
    pendingFailures.push(...pendingReads.splice(0).map(() => new Error('disk')));
    failHeld(first);
    await expect(first).rejects.toThrow('disk');
    await expect.poll(() => pendingReads.length).toBe(1);
    releaseAll();
    await second;
    expect(podcasts.value.map((p) => p.id)).toEqual(['a', 'b']);
  });
});
