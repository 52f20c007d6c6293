/**
 * Tabs of the app talk on one BroadcastChannel: a tab that starts playing tells the others to
 * pause (never two players at once), the playing tab sends its position a few times a second,
 * and a tab that changed stored data (queue, library, play state) says so, so the others re-read
 * it. Stored data itself is always read back from IndexedDB, never taken from a message.
 */

export type TabMessage =
  | { type: 'queue' }
  | { type: 'library' }
  | { type: 'history' }
  | { type: 'playing'; tab: string; episodeId: string }
  | { type: 'position'; tab: string; episodeId: string; position: number; duration: number };

export const TAB_ID = Math.random().toString(36).slice(2);

type Listener = (message: TabMessage) => void;
const listeners = new Set<Listener>();
let channel: BroadcastChannel | null = null;

function open(): BroadcastChannel | null {
  if (channel || typeof BroadcastChannel === 'undefined') return channel;
  channel = new BroadcastChannel('hopcast-tabs');
  channel.onmessage = (event: MessageEvent<TabMessage>) => {
    const message = event.data;
    if (!message || typeof message !== 'object' || typeof message.type !== 'string') return;
    for (const listener of listeners) listener(message);
  };
  return channel;
}

export function announce(message: TabMessage): void {
  open()?.postMessage(message);
}

/** Listens for the other tabs' messages (a tab never receives its own). */
export function onTabMessage(listener: Listener): () => void {
  open();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
