/**
 * The People index: `podcast:person` entries of every episode merged into people across shows.
 * The same person is the same folded name (case and accents ignored) and the same page (`href`)
 * when the feeds give one; an entry without a page joins the one person of that name with a page,
 * when there is exactly one.
 */
import { fold } from './search/normalize';
import type { Person } from './types';

export interface PersonEpisodeRef {
  episodeId: string;
  podcastId: string;
  published: number;
  role: string | null;
}

export interface PersonEntry {
  /** Stable across visits: folded name, plus the normalised page when there is one. */
  key: string;
  name: string;
  img: string | null;
  href: string | null;
  roles: string[];
  podcastIds: string[];
  /** Newest first. */
  episodes: PersonEpisodeRef[];
}

export interface PersonSource {
  episodeId: string;
  podcastId: string;
  published: number;
  persons: readonly Person[];
}

export function foldName(name: string): string {
  return fold(name).replace(/\s+/g, ' ').trim();
}

/** Scheme and host are case-insensitive, a trailing slash and fragment say nothing. */
export function normaliseHref(href: string | null): string | null {
  if (!href) return null;
  const m = /^(https?):\/\/([^/?#]+)([^#]*)/i.exec(href.trim());
  if (!m) return null;
  return `${m[1].toLowerCase()}://${m[2].toLowerCase()}${m[3].replace(/\/+$/, '')}`;
}

export function personKey(name: string, href: string | null): string {
  const page = normaliseHref(href);
  return page ? `${foldName(name)}|${page}` : foldName(name);
}

/** How many capital letters and accents: the best-written spelling of a name wins the display. */
function richness(name: string): number {
  let n = 0;
  for (const c of name) if (c !== c.toLowerCase() || c.normalize('NFD').length > 1) n++;
  // ALL CAPS is shouting, not care.
  return name === name.toUpperCase() ? 0 : n;
}

export function buildPeople(sources: readonly PersonSource[]): PersonEntry[] {
  const byKey = new Map<string, PersonEntry & { seen: Set<string> }>();
  const pagesByName = new Map<string, Set<string>>();
  for (const s of sources)
    for (const p of s.persons) {
      const page = normaliseHref(p.href);
      if (!page || !p.name.trim()) continue;
      const name = foldName(p.name);
      let set = pagesByName.get(name);
      if (!set) pagesByName.set(name, (set = new Set()));
      set.add(page);
    }
  for (const s of sources) {
    for (const p of s.persons) {
      const raw = p.name.replace(/\s+/g, ' ').trim();
      if (!raw) continue;
      const name = foldName(raw);
      let href = normaliseHref(p.href);
      if (!href) {
        const pages = pagesByName.get(name);
        if (pages?.size === 1) href = [...pages][0]!;
      }
      const key = href ? `${name}|${href}` : name;
      let entry = byKey.get(key);
      if (!entry) {
        entry = { key, name: raw, img: null, href: p.href ?? null, roles: [], podcastIds: [], episodes: [], seen: new Set() };
        byKey.set(key, entry);
      }
      if (richness(raw) > richness(entry.name)) entry.name = raw;
      entry.img ??= p.img;
      entry.href ??= p.href;
      const role = p.role?.toLowerCase() ?? null;
      if (role && !entry.roles.includes(role)) entry.roles.push(role);
      if (!entry.podcastIds.includes(s.podcastId)) entry.podcastIds.push(s.podcastId);
      if (!entry.seen.has(s.episodeId)) {
        entry.seen.add(s.episodeId);
        entry.episodes.push({ episodeId: s.episodeId, podcastId: s.podcastId, published: s.published, role });
      }
    }
  }
  return [...byKey.values()].map(({ seen: _seen, ...e }) => ({ ...e, episodes: e.episodes.sort((a, b) => b.published - a.published) }));
}

/** People whose name has words starting with every word of the query (case and accents ignored). */
export function matchPeople(people: readonly PersonEntry[], query: string, limit = 10): PersonEntry[] {
  const words = foldName(query).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  return people
    .filter((p) => {
      const parts = foldName(p.name).split(/[\s-]+/);
      return words.every((w) => parts.some((part) => part.startsWith(w)));
    })
    .sort((a, b) => b.episodes.length - a.episodes.length || a.name.localeCompare(b.name))
    .slice(0, limit);
}
