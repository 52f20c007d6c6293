import type { ProxySettings } from '../settings';
import { classifyAddress } from './ip-policy';
import { ProxyError } from './errors';

/** Longer than any real feed or enclosure URL, short enough to refuse junk early. */
export const MAX_URL_LENGTH = 4096;

export type GuardSettings = Pick<ProxySettings, 'allow' | 'ports'>;

export function effectivePort(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

function isIpLiteral(hostname: string): boolean {
  // The URL parser has already rewritten 2130706433, 0x7f.1, 127.1 and 0177.0.0.1 to dotted decimal.
  return hostname.startsWith('[') || /^\d+\.\d+\.\d+\.\d+$/.test(hostname);
}

/**
 * Parses a URL the app asked for (or a redirect pointed to) and refuses every target the proxy
 * must not reach, before any DNS lookup or connection. Names are checked again at connect time,
 * against the address they really resolve to (connect-guard.ts).
 *
 * `redirect` marks a hop chosen by the upstream, not by the app: refusals are then 403, since
 * the app's own URL was fine.
 */
export function checkTarget(input: string | URL, settings: GuardSettings, redirect = false): URL {
  let url: URL;
  if (typeof input === 'string') {
    const raw = input.trim();
    if (raw === '') throw new ProxyError(400, 'missing_url', 'Give the address to fetch in the url parameter');
    if (raw.length > MAX_URL_LENGTH) throw new ProxyError(400, 'bad_url', `The address is longer than ${MAX_URL_LENGTH} characters`);
    try {
      url = new URL(raw);
    } catch {
      throw new ProxyError(400, 'bad_url', 'That is not a valid web address (it should start with https://)');
    }
  } else {
    url = new URL(input.href);
  }
  const refuse = (status: 400 | 403, code: string, message: string): never => {
    throw redirect ? new ProxyError(403, 'blocked_redirect', `The server redirected to a forbidden address: ${message}`) : new ProxyError(status, code, message);
  };

  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    refuse(400, 'unsupported_scheme', `Only http and https addresses can be fetched, not ${url.protocol}`);
  }
  if (url.username || url.password) {
    refuse(400, 'credentials_in_url', 'Addresses with a user name or password in them are not fetched');
  }
  url.hash = '';
  const port = effectivePort(url);
  const hostname = url.hostname.replace(/\.$/, '');

  if (settings.allow) {
    if (!settings.allow.has(`${url.hostname}:${port}`)) {
      refuse(403, 'not_allowed', `This server's proxy only reaches its configured hosts, not ${url.hostname}:${port}`);
    }
    return url;
  }
  if (!settings.ports.has(port)) {
    refuse(403, 'blocked_port', `Port ${port} is not allowed; only ${[...settings.ports].join(', ')}`);
  }
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) {
    refuse(403, 'blocked_address', `${url.hostname} points at the server itself`);
  }
  if (isIpLiteral(hostname)) {
    const verdict = classifyAddress(hostname);
    if (!verdict.ok) refuse(403, 'blocked_address', `${verdict.address} is ${verdict.kind} address, not a public one`);
  }
  return url;
}
