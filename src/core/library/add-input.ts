import { normalizeFeedUrl } from './feed-url';

/**
 * What someone typed into the one Add box: an address (a feed or a web page, with or without a
 * scheme) or words to look up in the podcast directories.
 */
export type AddInput = { kind: 'address'; candidates: string[] } | { kind: 'words'; query: string } | { kind: 'invalid'; message: string };

const SCHEME = /^(?:[a-z][a-z0-9+.-]*:\/\/|(?:feed|pcast|itpc|podcast):)/i;
/** host.tld, an IPv4 address, or a host with a port, optionally followed by a path. */
const HOSTISH = /^(?:[a-z0-9-]+\.)+[a-z0-9-]{2,}(?::\d+)?(?:[/?#]\S*)?$|^(?:localhost|\d{1,3}(?:\.\d{1,3}){3}|[a-z0-9.-]+):\d+(?:[/?#]\S*)?$/i;

export function readAddInput(input: string): AddInput {
  const text = input.trim();
  if (!text) return { kind: 'invalid', message: 'Type a show’s name, or paste its feed or web page address.' };
  const hasScheme = SCHEME.test(text);
  if (!hasScheme && (/\s/.test(text) || !HOSTISH.test(text))) return { kind: 'words', query: text.replace(/\s+/g, ' ') };
  const checked = normalizeFeedUrl(text);
  if (!checked.ok) return { kind: 'invalid', message: `${checked.message}. Check the address, or type the show’s name to search for it.` };
  // Without a scheme, https first; many small hosts still only answer http.
  if (hasScheme || !checked.url.startsWith('https:')) return { kind: 'address', candidates: [checked.url] };
  return { kind: 'address', candidates: [checked.url, `http:${checked.url.slice('https:'.length)}`] };
}
