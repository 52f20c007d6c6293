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

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const theme = signal<Theme>(readPref('theme', THEMES, 'system'));

/** Light or dark by choice; "system" follows the device (prefers-color-scheme in styles.css). */
export function applyTheme(value: Theme = theme.value): void {
  const root = document.documentElement;
  if (value === 'system') delete root.dataset.theme;
  else root.dataset.theme = value;
}

export function setTheme(value: Theme): void {
  theme.value = value;
  writePref('theme', value);
  applyTheme(value);
}

export const REFRESH_INTERVALS = ['1h', '6h', '24h', 'manual'] as const;
export type RefreshInterval = (typeof REFRESH_INTERVALS)[number];
export const refreshInterval = signal<RefreshInterval>(readPref('refreshInterval', REFRESH_INTERVALS, '1h'));

export function setRefreshInterval(value: RefreshInterval): void {
  refreshInterval.value = value;
  writePref('refreshInterval', value);
}
