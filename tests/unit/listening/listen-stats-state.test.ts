import { beforeEach, describe, expect, test } from 'vitest';
import { deleteDB } from 'idb';
import { db, resetDbConnection } from '../../../src/db/open';
import { DB_NAME } from '../../../src/db/schema';
import { beginEpisodeStats, countProgress, countSkip, episodeTotals, flushStats, loadStats, overallTotals, resetProgressBaseline } from '../../../src/state/listen-stats';
import { getEpisodeStats } from '../../../src/db/listen-stats';

const SHOW = 'https://feeds.example/show';
const EP = `${SHOW}\u0000e1`;

beforeEach(async () => {
  (await db().catch(() => null))?.close();
  resetDbConnection();
  await deleteDB(DB_NAME);
});

/** Progress ticks every 0.25 s of media from `from` to `to`, as timeupdate delivers them. */
function play(from: number, to: number, rate: number): void {
  for (let t = from; t <= to + 1e-9; t += 0.25) countProgress(SHOW, EP, t, rate);
}

describe('listening stats while playing', () => {
  test('ticks, a skip and a user seek: only listening and skipped silence count', async () => {
    await beginEpisodeStats(EP);
    play(0, 10, 2); // 10 s of media at 2×: 5 s listened, 5 s saved by speed
    countSkip(SHOW, EP, 10.1, 13.1, 2); // 0.1 s more played, then a 3 s gap skipped
    resetProgressBaseline(); // the skip's own 'seeking' event: ignored
    play(13.35, 14.1, 2); // 13.1 → 14.1: 1 s of media
    resetProgressBaseline(); // the listener drags to 100 s: not listening
    play(100, 101, 2);
    const t = episodeTotals.value;
    expect(t.listened).toBeCloseTo(5 + 0.05 + 0.5 + 0.5, 5);
    expect(t.savedBySpeed).toBeCloseTo(5 + 0.05 + 0.5 + 0.5, 5);
    expect(t.savedBySilence).toBeCloseTo(3, 5);
    await flushStats();
    expect(await getEpisodeStats(EP)).toMatchObject({ savedBySilence: 3 });
    const { total, shows } = await loadStats();
    expect(shows.map((s) => s.podcastId)).toEqual([SHOW]);
    expect(total.listened).toBeCloseTo(t.listened, 5);
    // The running figure survives a reload: it starts from the stored row.
    await beginEpisodeStats(EP);
    expect(episodeTotals.value.savedBySilence).toBeCloseTo(3, 5);
    // Another episode: its own figure starts at zero, the overall one carries on.
    await beginEpisodeStats(`${SHOW}\u0000e2`);
    expect(episodeTotals.value.savedBySilence).toBe(0);
    expect(overallTotals.value.savedBySilence).toBeCloseTo(3, 5);
    countSkip(SHOW, `${SHOW}\u0000e2`, 1, 3, 1);
    expect(overallTotals.value.savedBySilence).toBeCloseTo(5, 5);
  });
});
