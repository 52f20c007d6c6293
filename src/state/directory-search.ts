/** "Find new podcasts": the directory search behind the Search screen's second section. */
import { searchDirectory, type DirectoryResult } from '../api/directory';
import { isHttpError } from '../api/http';

export type { DirectoryResult };

export type DirectoryAnswer = { ok: true; results: DirectoryResult[] } | { ok: false; message: string; aborted?: boolean };

export async function findPodcasts(query: string, signal?: AbortSignal): Promise<DirectoryAnswer> {
  const q = query.trim();
  if (!q) return { ok: false, message: 'Type the name of a podcast to look for.' };
  try {
    return { ok: true, results: await searchDirectory(q, signal) };
  } catch (err) {
    if (isHttpError(err)) return { ok: false, message: err.message, aborted: err.code === 'aborted' };
    return { ok: false, message: 'Directory search failed.' };
  }
}
