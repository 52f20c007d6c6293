import { useEffect, useRef } from 'preact/hooks';

/**
 * While `open`, an overlay (the full player) is a history entry of its own: Back (the browser's,
 * Android's back gesture) closes it and leaves the page underneath as it was; so does Escape
 * wherever focus is. Closing it any other way takes the entry off again, so the next Back
 * leaves the page as the listener expects.
 */
export function useBackCloses(open: boolean, close: () => void): void {
  const onTop = useRef(false);
  const latestClose = useRef(close);
  latestClose.current = close;

  useEffect(() => {
    if (!open) return;
    // Same URL, marked state: the router sees no navigation, only this hook reacts to it.
    history.pushState({ ...(history.state as object | null), hopcastOverlay: true }, '');
    onTop.current = true;
    const onPop = () => {
      onTop.current = false;
      latestClose.current();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      latestClose.current();
    };
    window.addEventListener('popstate', onPop);
    document.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('popstate', onPop);
      document.removeEventListener('keydown', onKey);
      if (onTop.current) {
        onTop.current = false;
        history.back();
      }
    };
  }, [open]);
}
