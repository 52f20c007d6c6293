import { syncStatus } from '../../state/sync/account';

function when(ms: number): string {
  const d = new Date(ms);
  const today = new Date().toDateString() === d.toDateString();
  return today ? `today at ${d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}` : d.toLocaleString();
}

/** One line in words: syncing, when it last worked, what went wrong, what is waiting. */
export function SyncStatusLine() {
  const s = syncStatus.value;
  if (s.state === 'off') return null;
  const waiting = s.pending > 0 ? ` ${s.pending} ${s.pending === 1 ? 'change waits' : 'changes wait'} to be sent.` : '';
  const last = s.lastOk ? `Last synced ${when(s.lastOk)}.` : 'Not synced yet.';
  const text = s.state === 'syncing' ? 'Syncing…' : s.state === 'error' ? `Sync failed: ${s.error ?? 'unknown error'} ${last}${waiting}` : `${last}${waiting}`;
  return (
    <>
      <p class={s.state === 'error' ? 'error-text sync-status' : 'muted sync-status'} role="status">
        {text}
      </p>
      {s.note && s.state !== 'syncing' && <p class="muted sync-status">{s.note}</p>}
    </>
  );
}
