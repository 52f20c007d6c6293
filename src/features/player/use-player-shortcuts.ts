import { useEffect } from 'preact/hooks';
import { currentEpisode, playbackRate, setSpeed, skipBy, togglePlay } from '../../state/player';
import { nextChapter, previousChapter } from '../../state/player-chapters';
import { skipBack, skipForward } from '../../state/playback-settings';

/** Where a key already means something (typing, a native control, a slider), shortcuts stay out. */
export function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  const role = target.getAttribute('role');
  if (key.startsWith('Arrow') && (role === 'slider' || role === 'tab' || role === 'menuitem' || role === 'radio' || role === 'listbox')) return true;
  // Space activates the focused button or link; it must not also toggle playback.
  if (key === ' ' && (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY' || role === 'button' || role === 'slider')) return true;
  return false;
}

/**
 * Desktop keyboard: Space play/pause, ← / → skip, Shift + ← / → chapters, [ / ] speed down/up.
 */
export function usePlayerShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || !currentEpisode.value) return;
      if (ownsKey(e.target, e.key)) return;
      let handled = true;
      if (e.key === ' ') void togglePlay();
      else if (e.key === 'ArrowLeft' && e.shiftKey) previousChapter();
      else if (e.key === 'ArrowRight' && e.shiftKey) nextChapter();
      else if (e.key === 'ArrowLeft') skipBy(-skipBack.value);
      else if (e.key === 'ArrowRight') skipBy(skipForward.value);
      else if (e.key === '[') void setSpeed(playbackRate.value - 0.1);
      else if (e.key === ']') void setSpeed(playbackRate.value + 0.1);
      else handled = false;
      if (handled) e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
