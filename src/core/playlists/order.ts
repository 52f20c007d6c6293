/** Pure list edits for a manual playlist's episode ids and for the order of the playlists themselves. */

/** Appends `id` unless it is already there (a playlist holds an episode once). */
export function addToList(ids: readonly string[], id: string): string[] {
  return ids.includes(id) ? [...ids] : [...ids, id];
}

export function removeFromList(ids: readonly string[], id: string): string[] {
  return ids.filter((x) => x !== id);
}

/** Moves `id` so it ends up at `toIndex` (clamped); an unknown id leaves the list as it was. */
export function moveInList(ids: readonly string[], id: string, toIndex: number): string[] {
  const from = ids.indexOf(id);
  if (from < 0) return [...ids];
  const rest = ids.filter((_, i) => i !== from);
  const to = Math.max(0, Math.min(rest.length, Math.trunc(Number.isFinite(toIndex) ? toIndex : rest.length)));
  return [...rest.slice(0, to), id, ...rest.slice(to)];
}

/** Playlists in display order (ties by name, then id, so every reader agrees). */
export function sortPlaylists<T extends { order: number; name: string; id: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The `order` keys after moving one playlist to `toIndex`: every key is rewritten 1024, 2048, … (lists are short). */
export function reorderKeys(list: readonly { order: number; name: string; id: string }[], id: string, toIndex: number): Array<{ id: string; order: number }> {
  const ids = moveInList(
    sortPlaylists(list).map((p) => p.id),
    id,
    toIndex,
  );
  return ids.map((pid, i) => ({ id: pid, order: (i + 1) * 1024 }));
}

/**
 * What plays after `finishedId` in a playlist that may have changed while it played: `current` is the
 * list now, `previous` the list as it was when the finished episode started. A smart playlist of
 * unplayed episodes drops the finished one as it is marked played, so its place is found from the
 * nearest earlier episode that is still listed, and the one after that plays.
 */
export function nextInPlaylist(current: readonly string[], previous: readonly string[], finishedId: string): string | null {
  const at = current.indexOf(finishedId);
  if (at >= 0) return current[at + 1] ?? null;
  const was = previous.indexOf(finishedId);
  if (was < 0) return null;
  for (let i = was - 1; i >= 0; i--) {
    const still = current.indexOf(previous[i]);
    if (still >= 0) return current.slice(still + 1).find((id) => id !== finishedId) ?? null;
  }
  return current.find((id) => id !== finishedId) ?? null;
}
