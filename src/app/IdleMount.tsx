import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

type Loader = () => Promise<ComponentType>;

/**
 * Runs `work` once the page has loaded and the main thread is idle (or `timeout` ms after load at
 * the latest): the first screen's own work (the library, the first run) goes first, and this
 * chunk's parsing and styles never make one long task with it.
 */
function whenIdle(work: () => void, timeout = 5000): () => void {
  let cancelIdle: () => void = () => undefined;
  const schedule = () => {
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(work, { timeout });
      cancelIdle = () => cancelIdleCallback(handle);
    } else {
      const handle = setTimeout(work, 200);
      cancelIdle = () => clearTimeout(handle);
    }
  };
  if (document.readyState === 'complete') schedule();
  else window.addEventListener('load', schedule, { once: true });
  return () => {
    window.removeEventListener('load', schedule);
    cancelIdle();
  };
}

/**
 * Mounts a component loaded after the first screen is up: app-wide dialogs (Add to playlist, the
 * bookmark note editor) stay out of the shell but are ready long before anyone can ask for one.
 * A dialog asked for before it loaded opens as it mounts, since it reads its open state from a signal.
 */
export function IdleMount({ load }: { load: Loader }) {
  const [Component, setComponent] = useState<ComponentType | null>(null);
  useEffect(() => {
    let live = true;
    const cancel = whenIdle(() => {
      load()
        .then((c) => live && setComponent(() => c))
        .catch((err: unknown) => console.error('A part of the app could not be loaded', err));
    });
    return () => {
      live = false;
      cancel();
    };
  }, [load]);
  return Component ? <Component /> : null;
}
