import type { MiddlewareHandler } from 'hono';

/**
 * No inline script anywhere. Artwork comes from any host and audio streams from the
 * enclosure's own host when it is not downloaded, so img-src and media-src stay open.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  'img-src * data: blob:',
  'media-src * blob:',
  "connect-src 'self' https: http:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/**
 * Everything under /api/ relays or describes someone else's bytes: opened as a page it gets an
 * opaque origin with no script, no plugins and no subresources at all, whatever its type says.
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; sandbox; frame-ancestors 'none'";

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const api = c.req.path === '/api' || c.req.path.startsWith('/api/');
  c.header('Content-Security-Policy', api ? API_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
  // Browsers must never guess a relayed type: a script or style tag refuses anything not declared as one.
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
};
