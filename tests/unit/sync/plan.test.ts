import { describe, expect, test } from 'vitest';
import {
  actionFor,
  applyRemoteSubscriptions,
  gpodderTime,
  latestPerEpisode,
  parseGpodderTime,
  queueChanges,
  queueFromState,
  readActions,
  readState,
  readSubscriptions,
  stateFromAction,
  subscriptionChanges,
  SyncReplyError,
  type EpisodeAction,
} from '../../../src/core/sync';

const REF = { podcast: 'https://feeds.example/show.xml', episode: 'https://cdn.example/ep1.mp3', guid: 'g1' };
const T = Date.UTC(2026, 11, 2, 14, 5, 9, 678);

describe('gpodder times', () => {
  test('written without fraction or zone, read as UTC with or without them', () => {
    expect(gpodderTime(T)).toBe('2026-12-02T14:05:09');
    expect(parseGpodderTime('2026-12-02T14:05:09')).toBe(Date.UTC(2026, 11, 2, 14, 5, 9));
    expect(parseGpodderTime('2026-12-02T16:05:09+02:00')).toBe(Date.UTC(2026, 11, 2, 14, 5, 9));
    expect(parseGpodderTime('yesterday')).toBeNull();
  });
});

describe('actions from play states', () => {
  test('a position becomes a play action with started, position and total in whole seconds', () => {
    expect(actionFor({ position: 754.7, duration: 2890.2, played: false, updatedAt: T }, REF, 'hopcast-1')).toEqual({
      ...REF,
      device: 'hopcast-1',
      timestamp: '2026-12-02T14:05:09',
      action: 'play',
      started: 0,
      position: 754,
      total: 2890,
    });
  });
  test('played is position = total; unplayed at 0 is "new"; no duration, no play action', () => {
    expect(actionFor({ position: 10, duration: 100, played: true, updatedAt: T }, REF, 'd')).toMatchObject({ action: 'play', position: 100, total: 100 });
    expect(actionFor({ position: 0, duration: 100, played: false, updatedAt: T }, REF, 'd')).toMatchObject({ action: 'new' });
    expect(actionFor({ position: 0, duration: 100, played: false, updatedAt: T }, REF, 'd')).not.toHaveProperty('position');
    expect(actionFor({ position: 50, duration: null, played: false, updatedAt: T }, REF, 'd')).toBeNull();
  });
  test('server actions back to play states: near the end counts as played; downloads are ignored', () => {
    const play = (position: number, total: number): EpisodeAction => ({ ...REF, action: 'play', timestamp: '2026-12-02T14:05:09', started: 0, position, total });
    expect(stateFromAction(play(60, 120))).toEqual({ position: 60, duration: 120, played: false, updatedAt: Date.UTC(2026, 11, 2, 14, 5, 9) });
    expect(stateFromAction(play(119, 120))?.played).toBe(true);
    expect(stateFromAction({ ...REF, action: 'download', timestamp: '2026-12-02T14:05:09' })).toBeNull();
    expect(stateFromAction({ ...play(1, 2), timestamp: 'garbage' })).toBeNull();
  });
  test('only the newest play/new action per episode counts', () => {
    const a = (episode: string, timestamp: string, position: number): EpisodeAction => ({ podcast: REF.podcast, episode, action: 'play', timestamp, started: 0, position, total: 100 });
    const latest = latestPerEpisode([a('x', '2026-01-01T00:00:02', 2), a('x', '2026-01-01T00:00:01', 1), a('y', '2026-01-01T00:00:00', 5)]);
    expect(latest.map((l) => [l.episode, l.position])).toEqual([
      ['x', 2],
      ['y', 5],
    ]);
  });
});

describe('subscriptions', () => {
  test('local changes against the agreed list; remote changes never undo this device’s own', () => {
    const mine = subscriptionChanges(['a', 'b', 'c'], ['a', 'd']);
    expect(mine).toEqual({ add: ['b', 'c'], remove: ['d'] });
    expect(applyRemoteSubscriptions({ add: ['a', 'd', 'e'], remove: ['b', 'f'] }, ['a', 'b', 'c'], mine)).toEqual({ follow: ['e'], drop: [] });
    expect(applyRemoteSubscriptions({ add: ['e'], remove: ['a'] }, ['a', 'b'], { add: [], remove: [] })).toEqual({ follow: ['e'], drop: ['a'] });
  });
});

describe('queue through the state extension', () => {
  test('new and moved items are sent, removed ones as tombstones; the server queue sorts by order', () => {
    const changes = queueChanges(
      [
        { id: 'u1', podcast: 'p', order: 1 },
        { id: 'u2', podcast: 'p', order: 5 },
      ],
      { u1: 1, u2: 2, u3: 3 },
      99,
    );
    expect(changes).toEqual([
      { id: 'u2', podcast: 'p', order: 5, updatedAt: 99 },
      { id: 'u3', deleted: true, updatedAt: 99 },
    ]);
    expect(
      queueFromState([
        { id: 'b', podcast: 'p', order: 2, updatedAt: 1 },
        { id: 'a', podcast: 'p', order: 1, updatedAt: 1 },
        { id: 'c', deleted: true, updatedAt: 1 },
      ]).map((i) => i.id),
    ).toEqual(['a', 'b']);
  });
});

describe('server replies are checked', () => {
  test('bad shapes fail with a sentence; bad single entries are skipped; polluting keys are dropped', () => {
    expect(() => readSubscriptions({ add: 'x', remove: [], timestamp: 1 })).toThrow(SyncReplyError);
    expect(readSubscriptions({ add: ['https://a/feed', 'javascript:alert(1)', 5], remove: [], timestamp: 3.7 })).toEqual({ add: ['https://a/feed'], remove: [], timestamp: 3 });
    expect(() => readActions({ actions: 'none', timestamp: 1 })).toThrow(/cannot use/);
    const reply = readActions({
      actions: [{ podcast: 'p', episode: 'e', action: 'PLAY', timestamp: 't', position: 5, total: -1 }, { action: 'play' }, { podcast: 'p', episode: 'e', action: 'dance', timestamp: 't' }],
      timestamp: 9,
    });
    expect(reply.actions).toEqual([{ podcast: 'p', episode: 'e', action: 'play', timestamp: 't', position: 5 }]);
    const state = readState(JSON.parse('{"queue":[{"id":"a","updatedAt":1,"order":2,"__proto__":{"x":1}},{"id":5}],"updatedAt":7}'));
    expect(state.queue).toEqual([{ id: 'a', updatedAt: 1, order: 2 }]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
