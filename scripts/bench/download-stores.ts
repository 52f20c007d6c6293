/**
 * Page-side code for download.bench.ts: the three ways to keep a downloaded episode in a browser,
 * each run on the same file in the same Chromium. Functions here are serialised into the page by
 * Playwright, so each is self-contained (no imports, no closures).
 */

export type StoreKind = 'fetch-only' | 'idb-chunks' | 'idb-batched' | 'cache' | 'opfs';

export interface StoreResult {
  kind: StoreKind;
  ms: number;
  bytes: number;
  /** Time to read 64 KiB at 80 % of the file back from the store (what a seek costs). */
  readAt80Ms: number | null;
}

/** Downloads `url` into the chosen store; runs inside the page. */
export async function storeInPage(args: { url: string; kind: StoreKind }): Promise<StoreResult> {
  const { url, kind } = args;
  const CHUNK = 1024 * 1024;
  const started = performance.now();
  let bytes = 0;
  let readAt80: (() => Promise<number>) | null = null;
  // Both IndexedDB rows start from an empty database with the app's two stores.
  const freshDb = async () => {
    await new Promise((r) => (indexedDB.deleteDatabase('bench-idb').onsuccess = r));
    return new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('bench-idb', 1);
      req.onupgradeneeded = () => {
        req.result.createObjectStore('chunks', { keyPath: ['id', 'index'] });
        req.result.createObjectStore('meta', { keyPath: 'id' });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
    });
  };

  if (kind === 'fetch-only') {
    const reader = (await fetch(url, { cache: 'no-store' })).body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
    }
  } else if (kind === 'idb-chunks') {
    const db = await freshDb();
    const buffer = new Uint8Array(CHUNK);
    let fill = 0;
    let index = 0;
    // Same shape as the app: one 1 MiB Blob chunk and the byte count in one transaction.
    const commit = () =>
      new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['chunks', 'meta'], 'readwrite');
        tx.objectStore('chunks').put({ id: 'e', index, data: new Blob([buffer.subarray(0, fill)]) });
        tx.objectStore('meta').put({ id: 'e', bytes: index * CHUNK + fill });
        tx.oncomplete = () => resolve();
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB request failed'));
      });
    const reader = (await fetch(url, { cache: 'no-store' })).body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      let off = 0;
      while (off < value.length) {
        const n = Math.min(CHUNK - fill, value.length - off);
        buffer.set(value.subarray(off, off + n), fill);
        fill += n;
        off += n;
        bytes += n;
        if (fill === CHUNK) {
          await commit();
          index += 1;
          fill = 0;
        }
      }
    }
    if (fill > 0) await commit();
    readAt80 = async () => {
      const t = performance.now();
      const at = Math.floor(bytes * 0.8);
      const row = await new Promise<{ data: Blob }>((resolve) => {
        const req = db
          .transaction('chunks')
          .objectStore('chunks')
          .get(['e', Math.floor(at / CHUNK)]);
        req.onsuccess = () => resolve(req.result);
      });
      await row.data.slice(at % CHUNK, (at % CHUNK) + 65536).arrayBuffer();
      return performance.now() - t;
    };
  } else if (kind === 'idb-batched') {
    // The app's write pattern with none of its logic: received buffers kept by reference and made
    // into 1 MiB Blobs (no copy in JS), 4 chunks and the byte count per transaction, 2 commits queued.
    const db = await freshDb();
    let parts: Uint8Array[] = [];
    let fill = 0;
    let ready: Blob[] = [];
    let index = 0;
    const queued: Array<Promise<void>> = [];
    const commit = async () => {
      if (queued.length >= 2) await queued.shift();
      const batch = ready;
      const first = index;
      ready = [];
      index += batch.length;
      const tx = db.transaction(['chunks', 'meta'], 'readwrite');
      for (const [i, data] of batch.entries()) tx.objectStore('chunks').put({ id: 'e', index: first + i, data });
      tx.objectStore('meta').put({ id: 'e', bytes: (first + batch.length - 1) * CHUNK + batch[batch.length - 1].size });
      queued.push(
        new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onabort = () => reject(tx.error ?? new Error('IndexedDB request failed'));
        }),
      );
    };
    const reader = (await fetch(url, { cache: 'no-store' })).body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      let off = 0;
      while (off < value.length) {
        const n = Math.min(CHUNK - fill, value.length - off);
        parts.push(n === value.length ? value : value.subarray(off, off + n));
        fill += n;
        off += n;
        bytes += n;
        if (fill === CHUNK) {
          ready.push(new Blob(parts as BlobPart[]));
          parts = [];
          fill = 0;
        }
      }
      if (ready.length >= 4) await commit();
    }
    if (fill > 0) ready.push(new Blob(parts as BlobPart[]));
    if (ready.length > 0) await commit();
    await Promise.all(queued);
  } else if (kind === 'cache') {
    await caches.delete('bench');
    const cache = await caches.open('bench');
    const res = await fetch(url, { cache: 'no-store' });
    bytes = Number(res.headers.get('Content-Length') ?? 0);
    await cache.put(url, res);
    readAt80 = async () => {
      const t = performance.now();
      const blob = await (await cache.match(url))!.blob();
      const at = Math.floor(blob.size * 0.8);
      await blob.slice(at, at + 65536).arrayBuffer();
      return performance.now() - t;
    };
  } else {
    const root = await navigator.storage.getDirectory();
    await root.removeEntry('bench.bin').catch(() => undefined);
    const handle = await root.getFileHandle('bench.bin', { create: true });
    const writable = await handle.createWritable();
    const res = await fetch(url, { cache: 'no-store' });
    bytes = Number(res.headers.get('Content-Length') ?? 0);
    await res.body!.pipeTo(writable);
    readAt80 = async () => {
      const t = performance.now();
      const file = await handle.getFile();
      const at = Math.floor(file.size * 0.8);
      await file.slice(at, at + 65536).arrayBuffer();
      return performance.now() - t;
    };
  }
  const ms = performance.now() - started;
  return { kind, ms, bytes, readAt80Ms: readAt80 ? await readAt80() : null };
}

/** Removes what storeInPage wrote. */
export async function clearStoresInPage(): Promise<void> {
  await new Promise((r) => (indexedDB.deleteDatabase('bench-idb').onsuccess = r));
  await caches.delete('bench');
  const root = await navigator.storage.getDirectory();
  await root.removeEntry('bench.bin').catch(() => undefined);
}
