import type { ComponentProps, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { AddPodcastDialog } from './AddPodcastDialog';

type Props = ComponentProps<typeof AddPodcastDialog>;

/**
 * The Add podcast dialog, loaded the first time it opens: subscribing fetches and parses a feed, and
 * that code is not part of the first screen. Once loaded it stays mounted, so it closes as before.
 */
export function LazyAddPodcastDialog(props: Props) {
  const [Dialog, setDialog] = useState<FunctionComponent<Props> | null>(null);
  useEffect(() => {
    if (!props.open || Dialog) return;
    let live = true;
    import('./AddPodcastDialog')
      .then((m) => live && setDialog(() => m.AddPodcastDialog))
      .catch((err: unknown) => console.error('The Add podcast dialog could not be loaded', err));
    return () => {
      live = false;
    };
  }, [props.open, Dialog]);
  return Dialog ? <Dialog {...props} /> : null;
}
