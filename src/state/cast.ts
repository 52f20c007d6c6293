/**
 * Casting through the Remote Playback API: the same <audio> element plays on a remote device, so
 * the position carries over both ways. The Cast button shows only while the browser reports a
 * device for this source (`watchAvailability`); where it cannot watch (NotSupportedError), or has
 * no API at all, there is no button.
 */
import { signal } from '@preact/signals';

type CastState = 'disconnected' | 'connecting' | 'connected';

/** The part of `RemotePlayback` used here (typed locally so tests can hand in a stub). */
export interface RemoteLike {
  readonly state: CastState;
  watchAvailability(callback: (available: boolean) => void): Promise<number>;
  cancelWatchAvailability(id?: number): Promise<void>;
  prompt(): Promise<void>;
  addEventListener(type: 'connecting' | 'connect' | 'disconnect', listener: () => void): void;
}

export interface CastableElement {
  readonly remote?: RemoteLike;
  currentTime: number;
}

export const castAvailable = signal(false);
export const castState = signal<CastState>('disconnected');
export const castError = signal<string | null>(null);

let target: CastableElement | null = null;
/** The last position seen while connected, so coming back never loses it. */
let remotePosition = 0;

/** Starts watching for devices; returns a function that stops. */
export function watchCast(el: CastableElement): () => void {
  target = el;
  const remote = el.remote;
  if (!remote || typeof remote.watchAvailability !== 'function') {
    castAvailable.value = false;
    return () => undefined;
  }
  let id: number | null = null;
  let stopped = false;
  remote.addEventListener('connecting', () => (castState.value = 'connecting'));
  remote.addEventListener('connect', () => {
    castState.value = 'connected';
    remotePosition = el.currentTime;
  });
  remote.addEventListener('disconnect', () => {
    // Handing back: some receivers report the position late; resume locally where the remote got to.
    const at = Math.max(remotePosition, el.currentTime);
    castState.value = 'disconnected';
    if (Math.abs(el.currentTime - at) > 1) el.currentTime = at;
  });
  remote
    .watchAvailability((available) => {
      if (!stopped) castAvailable.value = available;
    })
    .then(
      (watchId) => {
        id = watchId;
        if (stopped) void remote.cancelWatchAvailability(watchId).catch(() => undefined);
      },
      // NotSupportedError: this device cannot watch in the background (or remote playback is off).
      () => (castAvailable.value = false),
    );
  return () => {
    stopped = true;
    castAvailable.value = false;
    if (id !== null) void remote.cancelWatchAvailability(id).catch(() => undefined);
  };
}

/** Progress while casting (the element's clock follows the remote device). */
export function noteCastPosition(seconds: number): void {
  if (castState.value === 'connected') remotePosition = seconds;
}

/** Opens the browser's device picker (also where casting is stopped). Call from a click. */
export async function promptCast(): Promise<void> {
  const remote = target?.remote;
  if (!remote) return;
  castError.value = null;
  try {
    await remote.prompt();
  } catch (err) {
    const name = err instanceof DOMException || (err instanceof Error && 'name' in err) ? (err as Error).name : '';
    // AbortError: the listener closed the picker. Nothing went wrong.
    if (name === 'AbortError') return;
    castError.value =
      name === 'NotFoundError'
        ? 'No cast device is available right now.'
        : name === 'NotAllowedError'
          ? 'Casting needs a tap on the Cast button.'
          : name === 'NotSupportedError'
            ? 'This episode cannot be cast from this browser.'
            : 'Casting failed.';
  }
}
