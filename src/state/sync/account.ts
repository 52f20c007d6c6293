/** The sync account and the sync status line, as signals, stored under `sync.*` settings (never in backups). */
import { signal } from '@preact/signals';
import type { SyncAccount } from '../../api/sync-client';
import { deleteSetting, getSetting, setSetting } from '../../db/settings';

export interface SyncStatus {
  state: 'off' | 'idle' | 'syncing' | 'ok' | 'error';
  /** Epoch ms of the last successful sync. */
  lastOk: number | null;
  /** The last failure in words, null after a success. */
  error: string | null;
  /** Local changes not yet on the server. */
  pending: number;
  /** Something the last sync could not do, said plainly (e.g. queue not synced). */
  note: string | null;
}

export const syncAccount = signal<SyncAccount | null>(null);
export const syncStatus = signal<SyncStatus>({ state: 'off', lastOk: null, error: null, pending: 0, note: null });

const ACCOUNT_KEY = 'sync.account';
const STATUS_KEY = 'sync.status';

function randomDevice(): string {
  return `hopcast-${Math.random().toString(36).slice(2, 8)}`;
}

let loaded: Promise<void> | null = null;

export function loadSyncAccount(): Promise<void> {
  loaded ??= (async () => {
    const stored = await getSetting<Partial<SyncAccount> | null>(ACCOUNT_KEY, null);
    const status = await getSetting<Partial<SyncStatus> | null>(STATUS_KEY, null);
    if (stored && typeof stored.server === 'string' && typeof stored.user === 'string' && typeof stored.password === 'string' && typeof stored.device === 'string') {
      syncAccount.value = { server: stored.server, user: stored.user, password: stored.password, device: stored.device };
      syncStatus.value = { ...syncStatus.value, state: 'idle', lastOk: typeof status?.lastOk === 'number' ? status.lastOk : null, error: typeof status?.error === 'string' ? status.error : null };
    }
  })();
  return loaded;
}

/** Saves the account; a changed server or user starts from scratch (nothing agreed with it yet). */
export async function saveSyncAccount(input: { server: string; user: string; password: string }): Promise<SyncAccount> {
  await loadSyncAccount();
  const old = syncAccount.value;
  const same = old && old.server === input.server && old.user === input.user;
  const account: SyncAccount = { ...input, device: old?.device ?? randomDevice() };
  if (!same) await forgetSyncProgress();
  await setSetting(ACCOUNT_KEY, account);
  syncAccount.value = account;
  syncStatus.value = { state: 'idle', lastOk: same ? syncStatus.value.lastOk : null, error: null, pending: syncStatus.value.pending, note: null };
  return account;
}

export async function signOutOfSync(): Promise<void> {
  await deleteSetting(ACCOUNT_KEY);
  await forgetSyncProgress();
  syncAccount.value = null;
  syncStatus.value = { state: 'off', lastOk: null, error: null, pending: 0, note: null };
}

export async function saveStatus(status: SyncStatus): Promise<void> {
  syncStatus.value = status;
  await setSetting(STATUS_KEY, { lastOk: status.lastOk, error: status.error });
}

/** What was last agreed with the server, per stream (see engine.ts). */
export const PROGRESS_KEYS = {
  subsAgreed: 'sync.subsAgreed',
  subsSince: 'sync.subsSince',
  actionsSince: 'sync.actionsSince',
  uploadedUntil: 'sync.uploadedUntil',
  queueAgreed: 'sync.queueAgreed',
  unmatched: 'sync.unmatched',
  playlistsAgreed: 'sync.playlistsAgreed',
  bookmarksAgreed: 'sync.bookmarksAgreed',
} as const;

async function forgetSyncProgress(): Promise<void> {
  for (const key of Object.values(PROGRESS_KEYS)) await deleteSetting(key);
}
