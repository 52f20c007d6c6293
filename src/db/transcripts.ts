import type { StoredTranscript } from './episode-extras';
import { db } from './open';

export async function getStoredTranscript(episodeId: string): Promise<StoredTranscript | undefined> {
  return (await db()).get('transcripts', episodeId);
}

export async function getStoredTranscripts(episodeIds: readonly string[]): Promise<Array<StoredTranscript | undefined>> {
  const tx = (await db()).transaction('transcripts');
  const rows = await Promise.all(episodeIds.map((id) => tx.store.get(id)));
  await tx.done;
  return rows;
}

export async function putStoredTranscript(record: StoredTranscript): Promise<void> {
  await (await db()).put('transcripts', record);
}

export async function deleteStoredTranscript(episodeId: string): Promise<void> {
  await (await db()).delete('transcripts', episodeId);
}

export async function listTranscriptIds(): Promise<string[]> {
  return (await db()).getAllKeys('transcripts');
}
