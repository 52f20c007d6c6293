import { beforeEach, describe, expect, test, vi } from 'vitest';
import { castAvailable, castError, castState, promptCast, watchCast, type RemoteLike } from '../../../src/state/cast';

type Listener = () => void;

/** A Remote Playback API stand-in whose availability and connection the test drives. */
function stubRemote(options: { watch?: 'ok' | 'unsupported'; prompt?: () => Promise<void> } = {}) {
  const listeners = new Map<string, Listener[]>();
  let availability: ((a: boolean) => void) | null = null;
  const remote: RemoteLike & { fire(type: string): void; report(a: boolean): void; cancelled: number[] } = {
    state: 'disconnected',
    cancelled: [],
    watchAvailability: vi.fn((cb: (a: boolean) => void) => {
      if (options.watch === 'unsupported') return Promise.reject(new DOMException('cannot watch', 'NotSupportedError'));
      availability = cb;
      return Promise.resolve(7);
    }),
    cancelWatchAvailability: vi.fn(async (id?: number) => void remote.cancelled.push(id ?? -1)),
    prompt: vi.fn(options.prompt ?? (() => Promise.resolve())),
    addEventListener(type: string, l: Listener) {
      listeners.set(type, [...(listeners.get(type) ?? []), l]);
    },
    fire(type: string) {
      for (const l of listeners.get(type) ?? []) l();
    },
    report(a: boolean) {
      availability?.(a);
    },
  };
  return remote;
}

describe('casting (Remote Playback API stubbed)', () => {
  beforeEach(() => {
    castAvailable.value = false;
    castState.value = 'disconnected';
    castError.value = null;
  });

  test('the button state follows availability; stopping cancels the watch', async () => {
    const remote = stubRemote();
    const el = { remote, currentTime: 0 };
    const stop = watchCast(el);
    expect(castAvailable.value).toBe(false);
    remote.report(true);
    expect(castAvailable.value).toBe(true);
    remote.report(false);
    expect(castAvailable.value).toBe(false);
    // Once the browser has handed out the watch id, stopping cancels that watch.
    await vi.mocked(remote.watchAvailability).mock.results[0].value;
    stop();
    await expect.poll(() => remote.cancelled).toEqual([7]);
  });

  test('no API, or a browser that cannot watch: no button', async () => {
    watchCast({ currentTime: 0 });
    expect(castAvailable.value).toBe(false);
    const remote = stubRemote({ watch: 'unsupported' });
    castAvailable.value = true;
    watchCast({ remote, currentTime: 0 });
    await expect.poll(() => castAvailable.value).toBe(false);
    await expect(vi.mocked(remote.watchAvailability).mock.results[0].value).rejects.toThrow('cannot watch');
  });

  test('connect and hand back keep the position', async () => {
    const remote = stubRemote();
    const el = { remote, currentTime: 95 };
    watchCast(el);
    await promptCast();
    expect(remote.prompt).toHaveBeenCalledOnce();
    remote.fire('connecting');
    expect(castState.value).toBe('connecting');
    remote.fire('connect');
    expect(castState.value).toBe('connected');
    // The remote played on to 140 s; the local element comes back reporting less.
    const { noteCastPosition } = await import('../../../src/state/cast');
    noteCastPosition(140);
    el.currentTime = 96;
    remote.fire('disconnect');
    expect(castState.value).toBe('disconnected');
    expect(el.currentTime).toBe(140);
  });

  test('picker outcomes: dismissed is silent, no device and not allowed are explained', async () => {
    const dismissed = stubRemote({ prompt: () => Promise.reject(new DOMException('closed', 'AbortError')) });
    watchCast({ remote: dismissed, currentTime: 0 });
    await promptCast();
    expect(castError.value).toBeNull();
    const none = stubRemote({ prompt: () => Promise.reject(new DOMException('none', 'NotFoundError')) });
    watchCast({ remote: none, currentTime: 0 });
    await promptCast();
    expect(castError.value).toBe('No cast device is available right now.');
  });
});
