import { useEffect, useRef } from 'preact/hooks';

/**
 * Keeps a native <dialog> shown as a modal while `open` is true. The native element traps focus and
 * closes on Escape by itself; `onShow` runs each time it opens (e.g. to clear an old error).
 */
export function useModalDialog(open: boolean, onShow?: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      onShow?.();
      dialog.showModal();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);
  return ref;
}
