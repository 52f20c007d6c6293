import ipaddr from 'ipaddr.js';

/**
 * Which resolved addresses the open (unsealed) proxy may connect to. ipaddr.js knows the
 * special-purpose registries; anything it does not call plain `unicast` is refused, and IPv6
 * must also sit in 2000::/3, the only block IANA hands out as global unicast, which also
 * refuses the deprecated IPv4-compatible ::a.b.c.d form ipaddr.js reports as unicast.
 */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/** `range` is ipaddr.js's name for the block; `kind` says it for people, article included. */
export type AddressVerdict = { ok: true; address: string } | { ok: false; address: string; range: string; kind: string };

const KINDS: Record<string, string> = {
  unspecified: 'an unspecified',
  broadcast: 'a broadcast',
  multicast: 'a multicast',
  linkLocal: 'a link-local',
  loopback: 'a loopback',
  carrierGradeNat: 'a carrier-grade NAT (CGNAT)',
  private: 'a private',
  reserved: 'a reserved or documentation',
  uniqueLocal: 'a unique-local IPv6',
  ipv4Mapped: 'an IPv4-mapped IPv6',
  rfc6145: 'an IPv4-translated IPv6',
  rfc6052: 'a NAT64 (IPv4-embedded IPv6)',
  '6to4': 'a 6to4 (IPv4-embedded IPv6)',
  teredo: 'a Teredo (IPv4-embedded IPv6)',
};

function refused(address: string, range: string): AddressVerdict {
  return { ok: false, address, range, kind: KINDS[range] ?? 'a special-purpose' };
}

export function classifyAddress(raw: string): AddressVerdict {
  const text = raw.startsWith('[') && raw.endsWith(']') ? raw.slice(1, -1) : raw;
  // Only canonical literals: dns.lookup and the URL parser both hand us those.
  if (!ipaddr.IPv4.isValidFourPartDecimal(text) && !ipaddr.IPv6.isValid(text)) {
    return refused(raw, 'not an IP address');
  }
  if (text.includes('%')) return refused(raw, 'scoped IPv6');
  const addr = ipaddr.parse(text);
  const range = addr.range();
  if (range !== 'unicast') return refused(text, range);
  if (addr.kind() === 'ipv6' && !addr.match(GLOBAL_UNICAST_V6)) return refused(text, 'non-global IPv6');
  return { ok: true, address: text };
}
