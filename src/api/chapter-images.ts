/**
 * Chapter images, fetched through this server's `/api/feed?url=` proxy so they can be kept for
 * offline use (an <img> of another host cannot be read back into a Blob without CORS).
 */
import { feedProxyUrl } from './feed-client';
import { request } from './http';

export const MAX_CHAPTER_IMAGE_BYTES = 2 * 1024 * 1024;
const TIMEOUT_MS = 15_000;

/** The image type from the first bytes: the proxy may not pass the host's content type through. */
export function sniffImageType(head: Uint8Array): string | null {
  const b = (i: number) => head[i] ?? -1;
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'image/png';
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg';
  if (b(0) === 0x47 && b(1) === 0x49 && b(2) === 0x46) return 'image/gif';
  if (b(0) === 0x52 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x46 && b(8) === 0x57 && b(9) === 0x45 && b(10) === 0x42 && b(11) === 0x50) return 'image/webp';
  return null;
}

/** The image as a Blob, or null when it is missing, too large or not an image (a chapter can do without). */
export async function fetchChapterImage(url: string, signal?: AbortSignal): Promise<Blob | null> {
  try {
    const response = await request(feedProxyUrl(url), { timeoutMs: TIMEOUT_MS, ...(signal ? { signal } : {}) });
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > MAX_CHAPTER_IMAGE_BYTES) {
      void response.body?.cancel();
      return null;
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength > MAX_CHAPTER_IMAGE_BYTES) return null;
    // Only raster types we can recognise: an SVG could carry script when opened on its own.
    const type = sniffImageType(bytes.subarray(0, 16));
    return type ? new Blob([bytes], { type }) : null;
  } catch {
    return null;
  }
}
