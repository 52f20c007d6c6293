import type { ParseContext } from './context';

/** The prefixes the mappers read, by namespace URI (lowercase: feeds vary the case). */
const CANONICAL: Record<string, string> = {
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'https://podcastindex.org/namespace/1.0': 'podcast',
  'https://github.com/podcastindex-org/podcast-namespace/blob/main/docs/1.0.md': 'podcast',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://search.yahoo.com/mrss/': 'media',
  'http://search.yahoo.com/mrss': 'media',
  'http://purl.org/dc/elements/1.1/': 'dc',
};

const START_TAG_WITH_NS = /<[A-Za-z_][^<>]*?\sxmlns:[^<>]*>/g;
const DECLARATION = /\sxmlns:([A-Za-z_][\w.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
/** Declarations sit on the root or the channel, before the first item and within a few KB. */
const HEAD = 16 * 1024;

/**
 * Fast-xml-parser keeps prefixes as written and ignores declarations, which already makes an
 * undeclared `itunes:` or a prefix declared twice harmless; this notes them as repairs, and renames
 * a known namespace bound to an unusual prefix (`xmlns:itms=` the iTunes URI) to the usual one.
 */
export function normalizeNamespaces(text: string, rootStart: number, headEnd: number, ctx: ParseContext): string {
  const head = text.slice(rootStart, Math.min(headEnd, rootStart + HEAD));
  const bound = new Map<string, string>();
  const renames: [string, string][] = [];
  START_TAG_WITH_NS.lastIndex = 0;
  for (let tag = START_TAG_WITH_NS.exec(head); tag; tag = START_TAG_WITH_NS.exec(head)) {
    const onThisTag = new Set<string>();
    DECLARATION.lastIndex = 0;
    for (let m = DECLARATION.exec(tag[0]); m; m = DECLARATION.exec(tag[0])) {
      const prefix = m[1];
      if (onThisTag.has(prefix)) {
        ctx.warn('ns-twice:' + prefix, `Ignored a second declaration of xmlns:${prefix} on one element`);
        continue;
      }
      onThisTag.add(prefix);
      if (bound.has(prefix)) continue;
      const uri = (m[2] ?? m[3] ?? '').trim().toLowerCase();
      bound.set(prefix, uri);
      const canonical = CANONICAL[uri];
      if (canonical && canonical !== prefix && !head.includes(`xmlns:${canonical}=`)) {
        renames.push([prefix, canonical]);
      }
    }
  }
  for (const prefix of ['itunes', 'podcast']) {
    if (!bound.has(prefix) && text.includes(`<${prefix}:`)) {
      ctx.warn('ns-missing:' + prefix, `Read the ${prefix}: prefix, used without being declared`);
    }
  }
  for (const [from, to] of renames) {
    ctx.warn('ns-rename:' + from, `Read the ${from}: prefix as ${to}:, the name its namespace usually has`);
    text = text.replace(new RegExp(`<(/?)${from.replace(/\./g, '\\.')}:`, 'g'), `<$1${to}:`);
  }
  return text;
}
