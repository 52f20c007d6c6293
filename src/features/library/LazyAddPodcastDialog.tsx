import type { ComponentProps, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { AddPodcastDialog } from './AddPodcastDialog';

type Props = ComponentProps<typeof AddPodcastDialog>;

/** Kept for the page's lifetime: the Library remounts on every visit and must show the dialog at once. */
let loaded: FunctionComponent<Props> | null = null;
let loading: Promise<FunctionComponent<Props>> | null = null;

function load(): Promise<FunctionComponent<Props>> {
  loading ??= import('./AddPodcastDialog').then((m) => (loaded = m.AddPodcastDialog));
  return loading;
}

/**
 * The Add podcast dialog, loaded after the first screen: subscribing fetches and parses a feed, and
 * that code is not part of the app shell. It is fetched when the main thread is idle (or on the first
 * open, whichever comes first), then rendered synchronously on every later visit.
 */
export function LazyAddPodcastDialog(props: Props) {
  const [Dialog, setDialog] = useState<FunctionComponent<Props> | null>(() => loaded);
  useEffect(() => {
    if (Dialog) return;
    let live = true;
    const start = () =>
      void load()
        .then((c) => live && setDialog(() => c))
        .catch((err: unknown) => console.error('The Add podcast dialog could not be loaded', err));
    if (props.open) start();
    else if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(start, { timeout: 3000 });
      return () => {
        live = false;
        cancelIdleCallback(handle);
      };
    } else start();
    return () => {
      live = false;
    };
  }, [props.open, Dialog]);
  return Dialog ? <Dialog {...props} /> : null;
}
