/**
 * One short message at a time above the player ("Marked 12 episodes played · Undo",
 * "Subscribed to X · Open"). A newer toast replaces the older one; it goes away on its own.
 */
import { signal } from '@preact/signals';

export interface ToastAction {
  label: string;
  run(): void | Promise<void>;
}

export interface Toast {
  id: number;
  message: string;
  action: ToastAction | null;
}

export const toast = signal<Toast | null>(null);

/** Long enough to read a sentence and reach for Undo. */
export const TOAST_MS = 8_000;

let nextId = 1;
let timer: ReturnType<typeof setTimeout> | undefined;

export function showToast(message: string, action: ToastAction | null = null): void {
  clearTimeout(timer);
  const id = nextId++;
  toast.value = { id, message, action };
  timer = setTimeout(() => dismissToast(id), TOAST_MS);
}

/** Dismisses the toast (only the given one, when an id is passed: a newer toast stays). */
export function dismissToast(id?: number): void {
  if (id !== undefined && toast.value?.id !== id) return;
  clearTimeout(timer);
  toast.value = null;
}
