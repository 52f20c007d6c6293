import ipaddr from 'ipaddr.js';

/**
 * Which resolved addresses the open (unsealed) proxy may connect to. ipaddr.js knows the
 * special-purpose registries; anything it does not call plain `unicast` is refused, and IPv6
 * must also sit in 2000::/3, the only block IANA hands out as global unicast, which also
 * refuses the deprecated IPv4-compatible ::a.b.c.d form ipaddr.js reports as unicast.
 */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

export type AddressVerdict = { ok: true; address: string } | { ok: false; address: string; range: string };

export function classifyAddress(raw: string): AddressVerdict {
  const text = raw.startsWith('[') && raw.endsWith(']') ? raw.slice(1, -1) : raw;
  // Only canonical literals: dns.lookup and the URL parser both hand us those.
  if (!ipaddr.IPv4.isValidFourPartDecimal(text) && !ipaddr.IPv6.isValid(text)) {
    return { ok: false, address: raw, range: 'not an IP address' };
  }
  if (text.includes('%')) return { ok: false, address: raw, range: 'scoped IPv6' };
  const addr = ipaddr.parse(text);
  const range = addr.range();
  if (range !== 'unicast') return { ok: false, address: text, range };
  if (addr.kind() === 'ipv6' && !addr.match(GLOBAL_UNICAST_V6)) return { ok: false, address: text, range: 'non-global IPv6' };
  return { ok: true, address: text };
}
