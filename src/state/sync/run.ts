/**
 * Running syncs for the UI: `syncNow()` (the button), and automatic syncs on start, a few seconds
 * after a change (debounced), when the network comes back, when the app returns to the foreground
 * and every few minutes, so other devices' changes arrive without asking.
 */
import { effect } from '@preact/signals';
import { isHttpError } from '../../api/http';
import { SyncReplyError } from '../../core/sync';
import { podcasts } from '../library';
import { queue } from '../queue';
import { history } from '../history';
import { isPlaying } from '../player';
import { loadSyncAccount, saveStatus, syncAccount, syncStatus } from './account';
import { countPending, syncOnce } from './engine';

export const DEBOUNCE_MS = 5_000;
const PERIOD_MS = 5 * 60_000;

/** The failure in words for the status line. */
export function describeSyncError(err: unknown, server: string): string {
  if (isHttpError(err)) {
    if (err.status === 401) return 'Wrong user name or password.';
    if (err.code === 'sync_disabled') return `The server at ${server} does not offer sync (HOPCAST_SYNC is off there).`;
    if (err.status === 404) return `No sync server at ${server}. Check the address.`;
    if (err.status === 429) return 'The sync server is busy (too many requests); trying again later.';
    if (err.status === 0) return err.code === 'timeout' ? `${server} did not answer in time; will try again.` : `Could not reach ${server}; changes will be sent on the next sync.`;
    return `The sync server answered: ${err.message}`;
  }
  if (err instanceof SyncReplyError) return err.message;
  return err instanceof Error ? err.message : String(err);
}

let running: Promise<void> | null = null;
let again = false;

/** Syncs now (or right after the sync that is running). Never rejects: the status line says what happened. */
export function syncNow(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    await loadSyncAccount();
    do {
      again = false;
      const account = syncAccount.value;
      if (!account) return;
      if (typeof navigator !== 'undefined' && !navigator.onLine) {
        await saveStatus({ ...syncStatus.value, state: 'error', error: "You're offline: changes will be sent when you're back online.", pending: await countPending() });
        return;
      }
      syncStatus.value = { ...syncStatus.value, state: 'syncing' };
      try {
        const report = await syncOnce(account);
        await saveStatus({
          state: 'ok',
          lastOk: Date.now(),
          error: null,
          pending: await countPending(),
          note: report.queueSynced ? null : 'The queue, playlists and bookmarks are not synced: this server speaks gpodder only, without the Hopcast extension.',
        });
      } catch (err) {
        await saveStatus({ ...syncStatus.value, state: 'error', error: describeSyncError(err, account.server), pending: await countPending().catch(() => 0) });
      }
    } while (again);
  })().finally(() => {
    running = null;
  });
  return running;
}

let timer: ReturnType<typeof setTimeout> | null = null;

/** A change happened: sync a few seconds after the last one. */
export function scheduleSync(delay = DEBOUNCE_MS): void {
  if (!syncAccount.value) return;
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    void syncNow();
  }, delay);
}

let started = false;

export async function startAutoSync(): Promise<void> {
  if (started) return;
  started = true;
  await loadSyncAccount();
  let first = true;
  // Reading the signals subscribes to them: any change to shows, queue or history schedules a sync.
  effect(() => {
    void podcasts.value;
    void queue.value;
    void history.value;
    const paused = !isPlaying.value;
    if (first) {
      first = false;
      return;
    }
    // The sync's own writes change these signals too: they are not news for the server.
    if (paused && syncStatus.peek().state !== 'syncing') scheduleSync();
  });
  window.addEventListener('online', () => scheduleSync(500));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') scheduleSync(500);
  });
  setInterval(() => scheduleSync(0), PERIOD_MS);
  if (syncAccount.value) void syncNow();
}
