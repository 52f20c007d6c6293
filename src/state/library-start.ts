/** What the library does when the app starts: read the store, first run, refresh what is stale. */
import { loadLibrary } from './library';
import { retryWhenOnline, runFirstRun } from './first-run';

import { refreshAll } from './refresh';
import { online } from './online';

let started: Promise<void> | null = null;

export function startLibrary(): Promise<void> {
  started ??= (async () => {
    await loadLibrary();
    retryWhenOnline();
    const fresh = await runFirstRun();
    if (!fresh && online.value) await refreshAll({ staleOnly: true });
  })();
  return started;
}
