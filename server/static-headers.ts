/** Hashed build output never changes under its name; everything else must be revalidated. */
export function cacheControlFor(filePath: string): string {
  const rel = filePath.replaceAll('\\', '/');
  if (/\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.\w+$/.test(rel)) return 'public, max-age=31536000, immutable';
  if (/\/icons\//.test(rel)) return 'public, max-age=86400';
  return 'no-cache';
}

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json',
  webmanifest: 'application/manifest+json',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  woff2: 'font/woff2',
  txt: 'text/plain; charset=utf-8',
  map: 'application/json',
  mp3: 'audio/mpeg',
};

/** The type of a built file by its extension (edge asset stores do not all say; nosniff needs one). */
export function contentTypeFor(filePath: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(filePath)?.[1]?.toLowerCase() ?? '';
  return TYPES[ext] ?? 'application/octet-stream';
}
