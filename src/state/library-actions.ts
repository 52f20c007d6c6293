/**
 * The Library screen's actions, loaded on first use: following, refreshing and finding the default
 * shows fetch and parse feeds, and none of that code is needed to draw the first screen (the app
 * shell stays small; see ARCHITECTURE.md, App shell). Same signatures as the modules they load.
 */
import type { RefreshOutcome } from './refresh';

export const startLibrary = (): Promise<void> => import('./library-start').then((m) => m.startLibrary());
export const refreshAll = (options?: { staleOnly?: boolean }): Promise<RefreshOutcome[]> => import('./refresh').then((m) => m.refreshAll(options));
export const retryDefaultShow = (key: string): Promise<void> => import('./first-run').then((m) => m.retryDefaultShow(key));
export const dismissDefaultShow = (key: string): Promise<void> => import('./first-run').then((m) => m.dismissDefaultShow(key));
export const followDefaultShowAt = (key: string, url: string): Promise<void> => import('./first-run').then((m) => m.followDefaultShowAt(key, url));
