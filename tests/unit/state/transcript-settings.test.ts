import { beforeEach, describe, expect, test, vi } from 'vitest';
import { freshDb } from './helpers';

/** Stored-transcript choices and "queue from this moment", over the real settings, play-state and queue stores. */
async function load() {
  vi.resetModules();
  await freshDb();
  return {
    m: await import('../../../src/state/transcript-settings'),
    moments: await import('../../../src/state/moments'),
    queue: await import('../../../src/state/queue'),
    settings: await import('../../../src/db/settings'),
    playState: await import('../../../src/db/play-state'),
  };
}
let s: Awaited<ReturnType<typeof load>>;
beforeEach(async () => {
  s = await load();
});

describe('transcript settings', () => {
  test('off and empty by default; choices are stored and read back on the next load', async () => {
    await s.m.loadTranscriptSettings();
    expect(s.m.keepTranscripts.value).toBe(false);
    expect([...s.m.transcriptShows.value]).toEqual([]);
    await s.m.setKeepTranscripts(true);
    await s.m.setTranscriptShow('show-a', true);
    await s.m.setTranscriptShow('show-b', true);
    await s.m.setTranscriptShow('show-a', false);

    vi.resetModules();
    const next = await import('../../../src/state/transcript-settings');
    await next.loadTranscriptSettings();
    expect(next.keepTranscripts.value).toBe(true);
    expect([...next.transcriptShows.value]).toEqual(['show-b']);
    expect(next.transcriptSettingsLoaded.value).toBe(true);
  });

  test('stored values of the wrong shape are ignored', async () => {
    await s.settings.setSetting('transcripts.keep', 'yes');
    await s.settings.setSetting('transcripts.shows', ['show-a', 42, null]);
    await s.m.loadTranscriptSettings();
    expect(s.m.keepTranscripts.value).toBe(false);
    expect([...s.m.transcriptShows.value]).toEqual(['show-a']);
  });
});

describe('queue a moment', () => {
  test('the episode is queued to start from that moment (never before 0)', async () => {
    await s.moments.queueMoment('ep-1', 125.5);
    await s.moments.queueMoment('ep-2', -3);
    expect(s.queue.queue.value.map((e) => e.episodeId)).toEqual(['ep-1', 'ep-2']);
    expect((await s.playState.getPlayState('ep-1'))?.position).toBe(125.5);
    expect((await s.playState.getPlayState('ep-2'))?.position).toBe(0);
  });
});
