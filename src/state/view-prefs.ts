/**
 * How the listener likes to see lists (library sort, a show's sort and filter), kept per device
 * in localStorage: read synchronously on first render, so a screen never flashes the default.
 */
import { signal } from '@preact/signals';

const PREFIX = 'hopcast.view.';

export function readPref<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
  try {
    const v = localStorage.getItem(PREFIX + key);
    return v !== null && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
  } catch {
    return fallback;
  }
}

export function writePref(key: string, value: string): void {
  try {
    localStorage.setItem(PREFIX + key, value);
  } catch {
    // Storage blocked: the choice lasts this visit only.
  }
}

export const LIBRARY_SORTS = ['recent', 'latest', 'title', 'order'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];
/** Newest subscription first by default: a show just added is at the top, in sight. */
export const librarySort = signal<LibrarySort>(readPref('librarySort', LIBRARY_SORTS, 'recent'));

export function setLibrarySort(sort: LibrarySort): void {
  librarySort.value = sort;
  writePref('librarySort', sort);
}
