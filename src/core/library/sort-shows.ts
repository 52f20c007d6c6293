import type { Podcast } from '../types';

export type ShowSort = 'recent' | 'latest' | 'title' | 'order';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The Library's orders: newest subscription, newest episode, title A–Z, or the stored order. */
export function sortShows(list: readonly Podcast[], sort: ShowSort, latest: ReadonlyMap<string, number>): Podcast[] {
  const out = [...list];
  if (sort === 'recent') out.sort((a, b) => b.subscribedAt - a.subscribedAt || a.order - b.order);
  else if (sort === 'latest') out.sort((a, b) => (latest.get(b.id) ?? 0) - (latest.get(a.id) ?? 0) || a.order - b.order);
  else if (sort === 'title') out.sort((a, b) => collator.compare(a.title, b.title));
  else out.sort((a, b) => a.order - b.order);
  return out;
}
