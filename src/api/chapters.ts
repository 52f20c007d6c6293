/**
 * Fetches a `podcast:chapters` JSON document. Many hosts send no CORS headers, so a direct fetch
 * that fails at the network level (which is how a CORS refusal looks) is retried through this
 * server's proxy, `/api/feed?url=`. An HTTP error from the host itself is final: the proxy would
 * only get the same answer.
 */
import { parseChapters, type Chapter, ChaptersError } from '../core/chapters';

export const CHAPTERS_TIMEOUT_MS = 15_000;
/** A chapters file is a few KiB; anything past this is not one. */
export const MAX_CHAPTERS_BYTES = 2 * 1024 * 1024;

async function readCapped(response: Response): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_CHAPTERS_BYTES) throw new ChaptersError('The chapters file is too large.');
  const text = await response.text();
  if (text.length > MAX_CHAPTERS_BYTES) throw new ChaptersError('The chapters file is too large.');
  return text;
}

async function proxyErrorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { message?: unknown };
    if (typeof body.message === 'string' && body.message) return body.message;
  } catch {
    // Not the server's JSON error shape: fall through to the status.
  }
  return `The chapters could not be loaded (HTTP ${response.status}).`;
}

export async function fetchChapters(url: string, signal?: AbortSignal): Promise<Chapter[]> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ChaptersError('The chapters link is not a valid URL.');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new ChaptersError('The chapters link is not a web address.');
  const timeout = AbortSignal.timeout(CHAPTERS_TIMEOUT_MS);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;

  let direct: Response | null = null;
  try {
    direct = await fetch(parsed.href, { signal: combined, credentials: 'omit', headers: { Accept: 'application/json' } });
  } catch (err) {
    if (signal?.aborted) throw err;
    direct = null;
  }
  if (direct) {
    if (!direct.ok) throw new ChaptersError(`The chapters could not be loaded (HTTP ${direct.status}).`);
    return parseChapters(await readCapped(direct), parsed.href);
  }
  const viaProxy = await fetch(`/api/feed?url=${encodeURIComponent(parsed.href)}`, { signal: combined });
  if (!viaProxy.ok) throw new ChaptersError(await proxyErrorMessage(viaProxy));
  return parseChapters(await readCapped(viaProxy), viaProxy.headers.get('x-final-url') ?? parsed.href);
}
