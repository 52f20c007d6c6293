import { ProxyError } from '../proxy/errors';
import type { HopFetch } from '../proxy/hop';

/**
 * The runtime's own fetch, redirects returned to the shared code rather than followed. workerd has
 * no resolver the app can ask: a name's addresses are checked by the platform (workerd's network
 * `allow` list, Cloudflare's refusal of private ranges), the literal-address and port rules by
 * checkTarget before every hop. fetch undoes gzip (and br) itself.
 */
export const edgeHop: HopFetch = async (url, req) => {
  const ctl = new AbortController();
  const onAbort = () => ctl.abort(req.signal.reason);
  if (req.signal.aborted) onAbort();
  req.signal.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => ctl.abort(new ProxyError(504, 'timeout', `${url.host} did not answer in time`)), req.headersTimeoutMs);
  let res: Response;
  try {
    res = await fetch(url, { method: req.method, headers: req.headers, redirect: 'manual', signal: ctl.signal });
  } catch (err) {
    if (ctl.signal.aborted && ctl.signal.reason instanceof ProxyError) throw ctl.signal.reason;
    if (err instanceof ProxyError) throw err;
    throw new ProxyError(502, 'upstream_error', `Fetching from ${url.host} failed`);
  } finally {
    clearTimeout(timer);
  }
  const headers = new Headers(res.headers);
  if (req.decode && headers.has('content-encoding')) {
    // The body is already decoded: these no longer describe it.
    headers.delete('content-encoding');
    headers.delete('content-length');
  }
  const bodiless = req.method === 'HEAD' || (res.status >= 300 && res.status < 400 && headers.has('location'));
  if (bodiless) res.body?.cancel().catch(() => undefined);
  return { status: res.status, headers, body: bodiless ? null : res.body };
};
