import { getJson, HttpError } from './http';

export interface DirectoryResult {
  title: string;
  author: string | null;
  feedUrl: string;
  image: string | null;
  description: string | null;
  episodeCount: number | null;
  source: string;
}

/** Directory search through this server (`/api/search`), which asks Podcast Index and Apple. */
export async function searchDirectory(query: string, signal?: AbortSignal): Promise<DirectoryResult[]> {
  const body = await getJson<{ results?: unknown }>(`/api/search?q=${encodeURIComponent(query)}`, { timeoutMs: 20_000, ...(signal ? { signal } : {}) });
  if (!Array.isArray(body.results)) return [];
  return body.results.filter(
    (r): r is DirectoryResult => typeof r === 'object' && r !== null && typeof (r as DirectoryResult).title === 'string' && typeof (r as DirectoryResult).feedUrl === 'string',
  );
}

/** One show by its Apple Podcasts id through this server (`/api/lookup`); an unknown id is an empty list. */
export async function lookupDirectory(appleId: string, signal?: AbortSignal): Promise<DirectoryResult[]> {
  try {
    const body = await getJson<{ results?: unknown }>(`/api/lookup?id=${encodeURIComponent(appleId)}`, { timeoutMs: 20_000, ...(signal ? { signal } : {}) });
    if (!Array.isArray(body.results)) return [];
    return body.results.filter(
      (r): r is DirectoryResult => typeof r === 'object' && r !== null && typeof (r as DirectoryResult).title === 'string' && typeof (r as DirectoryResult).feedUrl === 'string',
    );
  } catch (err) {
    if (err instanceof HttpError && err.status === 404 && err.code === 'not_found') return [];
    throw err;
  }
}
