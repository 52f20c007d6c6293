import { MIMEType } from 'whatwg-mimetype';

/**
 * The MIME type a browser takes from a Content-Type value. Fetch's "extract a MIME type" splits
 * the value on commas (outside quotes) and keeps the LAST type that parses, which is how
 * `audio/mpeg;x=1, text/html` renders as HTML; reading it the browser's way leaves no such gap.
 */
export function browserMimeType(value: string | null): MIMEType | null {
  if (!value) return null;
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of value) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  let found: MIMEType | null = null;
  for (const part of parts) {
    const parsed = MIMEType.parse(part.trim());
    if (parsed && parsed.essence !== '*/*') found = parsed;
  }
  return found;
}

const OTHER_MEDIA = new Set(['application/ogg', 'application/mp4', 'application/octet-stream']);

/** What /api/audio sends: the bare essence of an audio/video type, else application/octet-stream. */
export function audioContentType(upstream: string | null): string {
  const mime = browserMimeType(upstream);
  if (!mime) return 'application/octet-stream';
  if (mime.type === 'audio' || mime.type === 'video' || OTHER_MEDIA.has(mime.essence)) return mime.essence;
  return 'application/octet-stream';
}

/** The upstream's type, re-serialized by the parser (never raw bytes from the host), for X-Upstream-Content-Type. */
export function describedType(upstream: string | null): string | null {
  return browserMimeType(upstream)?.toString() ?? null;
}

const XML_START = /^\uFEFF?\s*<[?!a-zA-Z]/;

/**
 * What /api/feed sends: types no browser runs as script or renders as HTML. XML is still rendered
 * as an XML document (which could hold XHTML script), which the sandbox CSP on /api/ disarms.
 */
export function feedContentType(head: string, isHtml: boolean): string {
  return !isHtml && XML_START.test(head) ? 'application/xml' : 'application/octet-stream';
}
