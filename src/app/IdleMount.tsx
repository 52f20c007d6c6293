import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

type Loader = () => Promise<ComponentType>;

/** Runs `work` when the main thread is idle (or after `timeout` ms at the latest). */
function whenIdle(work: () => void, timeout = 2000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, { timeout });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(work, 200);
  return () => clearTimeout(handle);
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
