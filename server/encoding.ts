/** Content negotiation for the build's precompressed twins (`.br`, `.gz`). */

const SUFFIXES: Record<string, string> = { br: '.br', gzip: '.gz' };

/**
 * The best of `available` (in the server's order of preference) that `Accept-Encoding` allows, or null
 * for identity. Honours `q=0` ("never send this") and `*`, as RFC 9110 §12.5.3 asks.
 */
export function pickEncoding(acceptEncoding: string | undefined, available: readonly string[]): string | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [token, ...params] = part.trim().toLowerCase().split(';');
    if (!token) continue;
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p);
      if (m) q = Number(m[1]);
    }
    weights.set(token.trim(), Number.isFinite(q) ? q : 0);
  }
  let best: string | null = null;
  let bestQ = 0;
  for (const encoding of available) {
    const q = weights.get(encoding) ?? weights.get('*') ?? 0;
    if (q > bestQ) {
      best = encoding;
      bestQ = q;
    }
  }
  return best;
}

/** `index-abc.js.br` → `index-abc.js`: headers are decided by the original file's name. */
export function withoutEncodingSuffix(filePath: string): string {
  for (const suffix of Object.values(SUFFIXES)) {
    if (filePath.endsWith(suffix)) return filePath.slice(0, -suffix.length);
  }
  return filePath;
}
