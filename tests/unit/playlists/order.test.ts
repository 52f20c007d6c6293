import { describe, expect, test } from 'vitest';
import { addToList, moveInList, nextInPlaylist, removeFromList, reorderKeys, sortPlaylists } from '../../../src/core/playlists/order';

describe('manual playlist edits', () => {
  test('adding keeps one copy of an episode, at the end', () => {
    expect(addToList(['a', 'b'], 'c')).toEqual(['a', 'b', 'c']);
    expect(addToList(['a', 'b'], 'a')).toEqual(['a', 'b']);
    expect(removeFromList(['a', 'b', 'c'], 'b')).toEqual(['a', 'c']);
    expect(removeFromList(['a'], 'zz')).toEqual(['a']);
  });

  test('moving places the episode at the index of the list without it, clamped', () => {
    expect(moveInList(['a', 'b', 'c'], 'c', 0)).toEqual(['c', 'a', 'b']);
    expect(moveInList(['a', 'b', 'c'], 'a', 1)).toEqual(['b', 'a', 'c']);
    expect(moveInList(['a', 'b', 'c'], 'a', 99)).toEqual(['b', 'c', 'a']);
    expect(moveInList(['a', 'b', 'c'], 'b', -5)).toEqual(['b', 'a', 'c']);
    expect(moveInList(['a', 'b', 'c'], 'b', Number.NaN)).toEqual(['a', 'c', 'b']);
    expect(moveInList(['a', 'b'], 'x', 0)).toEqual(['a', 'b']);
  });

  test('playlists sort by order, then name; a move rewrites every key in the new order', () => {
    const list = [
      { id: '1', name: 'Zed', order: 2048 },
      { id: '2', name: 'Alpha', order: 1024 },
      { id: '3', name: 'Beta', order: 2048 },
    ];
    expect(sortPlaylists(list).map((p) => p.id)).toEqual(['2', '3', '1']);
    expect(reorderKeys(list, '1', 0)).toEqual([
      { id: '1', order: 1024 },
      { id: '2', order: 2048 },
      { id: '3', order: 3072 },
    ]);
  });
});

describe('what plays next in a playlist', () => {
  test('a manual playlist goes on to the following entry and stops at the end', () => {
    expect(nextInPlaylist(['a', 'b', 'c'], ['a', 'b', 'c'], 'a')).toBe('b');
    expect(nextInPlaylist(['a', 'b', 'c'], ['a', 'b', 'c'], 'c')).toBeNull();
  });

  test('a reorder while playing is honoured: the list as it is now decides', () => {
    expect(nextInPlaylist(['a', 'c', 'b'], ['a', 'b', 'c'], 'a')).toBe('c');
  });

  test('a smart playlist that dropped the finished (now played) episode continues after its old place', () => {
    // Played from the top: A leaves the unplayed list.
    expect(nextInPlaylist(['b', 'c'], ['a', 'b', 'c'], 'a')).toBe('b');
    // Played from B: B leaves, C follows (A, still unplayed above it, is not replayed).
    expect(nextInPlaylist(['a', 'c'], ['a', 'b', 'c'], 'b')).toBe('c');
    // The last one left: nothing follows.
    expect(nextInPlaylist(['a', 'b'], ['a', 'b', 'c'], 'c')).toBeNull();
  });

  test('a new episode arriving right after the earlier neighbour is played next', () => {
    expect(nextInPlaylist(['a', 'n', 'c'], ['a', 'b', 'c'], 'b')).toBe('n');
  });

  test('an episode that was never in the playlist ends the run', () => {
    expect(nextInPlaylist(['a', 'b'], ['a', 'b'], 'x')).toBeNull();
  });
});
