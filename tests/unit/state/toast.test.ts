import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

/** The one toast above the player, on a fake clock. */
type Module = typeof import('../../../src/state/toast');
let m: Module;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  vi.resetModules();
  m = await import('../../../src/state/toast');
});
afterEach(() => {
  vi.useRealTimers();
});

describe('toast', () => {
  test('shows a message with its action and goes away by itself after TOAST_MS', () => {
    const run = vi.fn();
    m.showToast('Marked 3 episodes played.', { label: 'Undo', run });
    expect(m.toast.value).toMatchObject({ message: 'Marked 3 episodes played.', action: { label: 'Undo' } });
    vi.advanceTimersByTime(m.TOAST_MS - 1);
    expect(m.toast.value).not.toBeNull();
    vi.advanceTimersByTime(1);
    expect(m.toast.value).toBeNull();
    expect(run).not.toHaveBeenCalled();
  });

  test('a newer toast replaces the older one and gets its full time', () => {
    m.showToast('first');
    const first = m.toast.value!.id;
    vi.advanceTimersByTime(m.TOAST_MS - 1_000);
    m.showToast('second');
    expect(m.toast.value?.message).toBe('second');
    expect(m.toast.value?.id).not.toBe(first);
    // The first one's timer does not take the second one down with it.
    vi.advanceTimersByTime(1_000);
    expect(m.toast.value?.message).toBe('second');
    vi.advanceTimersByTime(m.TOAST_MS - 1_000);
    expect(m.toast.value).toBeNull();
  });

  test('dismissing an older toast by id leaves a newer one; no id dismisses whatever is shown', () => {
    m.showToast('first');
    const first = m.toast.value!.id;
    m.showToast('second');
    m.dismissToast(first);
    expect(m.toast.value?.message).toBe('second');
    m.dismissToast();
    expect(m.toast.value).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });
});
