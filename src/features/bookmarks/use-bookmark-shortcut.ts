import { useEffect } from 'preact/hooks';
import { currentEpisode } from '../../state/player';
import { addBookmarkNow } from '../../state/bookmarks';
import { ownsKey } from '../player/use-player-shortcuts';

/** B adds a bookmark at the current time while something is in the player (not while typing). */
export function useBookmarkShortcut(onError: (message: string) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.repeat || !currentEpisode.value) return;
      if ((e.key !== 'b' && e.key !== 'B') || ownsKey(e.target, e.key)) return;
      // A modal dialog already open (another form) keeps the key to itself.
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      void addBookmarkNow().catch((err: unknown) => onError(err instanceof Error ? err.message : String(err)));
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
