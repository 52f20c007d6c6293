import { getJson } from './http';

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
