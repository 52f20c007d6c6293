/** What the library does when the app starts: read the store, first run, refresh what is stale. */
import { loadLibrary } from './library';
import { retryFailedDefaultShows, retryWhenOnline, runFirstRun } from './first-run';
import { refreshAll } from './refresh';
import { online } from './online';

let started: Promise<void> | null = null;

export function startLibrary(): Promise<void> {
  started ??= (async () => {
    await loadLibrary();
    retryWhenOnline();
    const fresh = await runFirstRun();
    // A default show not found last time is looked for again, quietly, beside the refresh.
    if (!fresh && online.value) await Promise.all([refreshAll({ staleOnly: true }), retryFailedDefaultShows(true)]);
  })();
  return started;
}
