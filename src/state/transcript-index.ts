/**
 * The transcript index as the page uses it: the worker holds the segments, IndexedDB keeps them.
 * On first use the stored segments are handed to the worker (no re-tokenizing); a transcript that
 * arrives later is tokenized in the worker and its segment stored: the index grows one episode at
 * a time and never needs a whole rebuild.
 */
import { signal } from '@preact/signals';
import type { TranscriptBackend, TranscriptWireFilters } from '../core/transcript-index/backend';
import type { TranscriptOutcome } from '../core/transcript-index/index';
import type { SegmentInput } from '../core/transcript-index/segment';
import { deleteSegment, listSegmentIds, listSegments, putSegment } from '../db/transcript-index';
import { workerTranscriptBackend } from '../workers/transcript-bridge';

/** Episodes whose transcript or chapters are searchable. */
export const transcriptIndexSize = signal(0);

let backend: TranscriptBackend | null = null;
let loading: Promise<void> | null = null;

function currentBackend(): TranscriptBackend {
  backend ??= workerTranscriptBackend(() => {
    // The worker died with the index: the next use reloads the stored segments.
    backend = null;
    loading = null;
  });
  return backend;
}

/** Loads the stored segments into the worker once; resolves when searches can be answered. */
export function ensureTranscriptIndex(): Promise<void> {
  loading ??= (async () => {
    const engine = currentBackend();
    const stored = await listSegments();
    const taken = new Set(await engine.load(stored));
    // Segments of an older layout are dropped; their transcripts are indexed again by the watcher.
    for (const s of stored) {
      const id = (s as { episodeId?: unknown } | null)?.episodeId;
      if (typeof id === 'string' && !taken.has(id)) await deleteSegment(id);
    }
    transcriptIndexSize.value = taken.size;
  })().catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

/** Ids of the episodes in the index. */
export async function indexedEpisodeIds(): Promise<Set<string>> {
  await ensureTranscriptIndex();
  return new Set(await listSegmentIds());
}

export async function indexEpisodeText(input: SegmentInput): Promise<void> {
  await ensureTranscriptIndex();
  const segment = await currentBackend().index(input);
  await putSegment(segment);
  transcriptIndexSize.value = (await currentBackend().stats()).episodes;
}

export async function dropFromTranscriptIndex(episodeIds: string[]): Promise<void> {
  if (episodeIds.length === 0) return;
  await ensureTranscriptIndex();
  transcriptIndexSize.value = await currentBackend().remove(episodeIds);
  for (const id of episodeIds) await deleteSegment(id);
}

export async function searchTranscriptIndex(query: string, filters: TranscriptWireFilters, limit: number): Promise<TranscriptOutcome> {
  await ensureTranscriptIndex();
  return currentBackend().search(query, filters, limit);
}
