import type { TranscriptSegment } from '../core/transcript-index/segment';
import { db } from './open';

/** Every stored segment, as stored (the worker checks each before use). */
export async function listSegments(): Promise<unknown[]> {
  return (await db()).getAll('transcriptIndex');
}

export async function listSegmentIds(): Promise<string[]> {
  return (await db()).getAllKeys('transcriptIndex');
}

export async function putSegment(segment: TranscriptSegment): Promise<void> {
  await (await db()).put('transcriptIndex', segment);
}

export async function deleteSegment(episodeId: string): Promise<void> {
  await (await db()).delete('transcriptIndex', episodeId);
}
