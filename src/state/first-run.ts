/**
 * First run: follow the default shows, all four at once. Each is found by its resolution steps
 * (show-resolver.ts); while steps remain its Library slot is a calm placeholder, never an error.
 * What worked is remembered; a show that cannot be found stays on the Library as a card with the
 * reason, what was tried, Retry and a way to paste its feed URL, across reloads, until it is
 * resolved or dismissed, and is tried again by itself when the network comes back.
 */
import { DEFAULT_SHOWS, type DefaultShow } from '../core/default-shows';
import { defaultShowFor, type ResolutionVia } from '../core/library/show-resolution';
import { lookupDirectory, searchDirectory } from '../api/directory';
import { getSetting, setSetting, updateSetting } from '../db/settings';
import { describeFeedError } from './errors';
import { podcasts } from './library';
import { online } from './online';
import { subscribe } from './subscribe';
import { resolveShow, ResolutionFailed, type ResolverDeps } from './show-resolver';
import { defaultShowIssues, defaultShowsKnown, type DefaultShowIssue } from './first-run-status';

export { defaultShowIssues, type DefaultShowIssue } from './first-run-status';

/** What found a show's feed, remembered per show key. */
export interface RememberedFeed {
  url: string;
  via: ResolutionVia | 'pasted';
  at: number;
}

const DONE = 'library.firstRunDone';
const ISSUES = 'library.defaultShowIssues';
const RESOLVED = 'library.defaultShowFeeds';
/** Set before the first run's fetches: a reload before DONE means "carry on", not "not a fresh install". */
const STARTED = 'library.firstRunStarted';
/** Keys the listener dismissed: kept apart from the cards so a first run resumed after a reload skips them. */
const DISMISSED = 'library.defaultShowsDismissed';

function setIssue(issue: DefaultShowIssue | { key: string; remove: true }): void {
  const rest = defaultShowIssues.value.filter((i) => i.key !== issue.key);
  defaultShowIssues.value = 'remove' in issue ? rest : [...rest, issue].sort((a, b) => order(a.key) - order(b.key));
}
const order = (key: string) => DEFAULT_SHOWS.findIndex((s) => s.key === key);

async function persistIssues(): Promise<void> {
  await setSetting(
    ISSUES,
    defaultShowIssues.value.filter((i) => i.status === 'failed'),
  );
}

type StoredFeeds = Record<string, RememberedFeed | string>;

/** Older installs stored a bare URL per show. */
function readFeeds(raw: StoredFeeds): Record<string, RememberedFeed> {
  const out: Record<string, RememberedFeed> = {};
  for (const [key, value] of Object.entries(raw)) out[key] = typeof value === 'string' ? { url: value, via: 'known', at: 0 } : value;
  return out;
}

export async function rememberedFeeds(): Promise<Record<string, RememberedFeed>> {
  return readFeeds(await getSetting<StoredFeeds>(RESOLVED, {}));
}

/** One transaction per update: the four shows resolve at once and each adds its own entry. */
export async function rememberFeed(key: string, url: string, via: RememberedFeed['via']): Promise<void> {
  await updateSetting<StoredFeeds>(RESOLVED, {}, (stored) => ({ ...readFeeds(stored), [key]: { url, via, at: Date.now() } }));
}

/** The real network parts of resolution: subscribe through the feed proxy, the directory through this server. */
function liveResolverDeps(key: string, slot: number, subscribedAt?: number): ResolverDeps {
  return {
    follow: async (url, check) => {
      // Dismissed while an earlier step ran: the next address must not follow the show after all.
      if (dismissed.has(key)) throw new Error('Dismissed');
      return (await subscribe(url, { accept: check, order: slot, subscribedAt })).podcast;
    },
    lookup: (id) => lookupDirectory(id),
    search: (term) => searchDirectory(term),
  };
}

/** Dismissed in this session: an attempt still running for one must not bring its card back. */
const dismissed = new Set<string>();

/** Offline-to-online changes seen so far (counted while `retryWhenOnline` watches). */
let comebacks = 0;

/** `quiet`: a failed card stays as it is while the show is looked for again (a later start). */
async function attempt(show: DefaultShow, quiet = false, again = true, subscribedAt?: number): Promise<void> {
  if (dismissed.has(show.key)) return;
  const since = comebacks;
  const slot = order(show.key);
  if (!quiet) setIssue({ key: show.key, title: show.title, slot, status: 'working', message: `Looking for ${show.title}…` });
  try {
    const remembered = (await rememberedFeeds())[show.key]?.url ?? null;
    const found = await resolveShow(show, liveResolverDeps(show.key, slot, subscribedAt), { remembered });
    await rememberFeed(show.key, found.url, found.via);
    setIssue({ key: show.key, remove: true });
  } catch (err) {
    if (dismissed.has(show.key)) return;
    // The network dropped and came back while this attempt ran: the 'online' retry fired before this
    // show had failed, so nothing else would look for it again until the next start.
    if (again && err instanceof ResolutionFailed && err.offline && comebacks !== since) return attempt(show, quiet, false, subscribedAt);
    const attempts = err instanceof ResolutionFailed ? err.attempts : [];
    setIssue({ key: show.key, title: show.title, slot, status: 'failed', message: describeFeedError(err), attempts });
  }
}

/** On a fresh install subscribes to the default shows; later, brings back the unresolved ones' cards. */
export async function runFirstRun(): Promise<boolean> {
  try {
    return await firstRun();
  } finally {
    defaultShowsKnown.value = true;
  }
}

async function firstRun(): Promise<boolean> {
  for (const key of await getSetting<string[]>(DISMISSED, [])) dismissed.add(key);
  if (await getSetting(DONE, false)) {
    defaultShowIssues.value = (await getSetting<DefaultShowIssue[]>(ISSUES, [])).filter((i) => !dismissed.has(i.key));
    defaultShowsKnown.value = true;
    return false;
  }
  // Someone who already follows shows (an OPML import before this ran) is not a fresh install,
  // unless those shows are this first run's own, followed before a reload cut it short.
  if (podcasts.value.length === 0 || (await getSetting(STARTED, false))) {
    await setSetting(STARTED, true);
    const remembered = await rememberedFeeds();
    const followed = (show: DefaultShow) => podcasts.value.some((p) => defaultShowFor([show], p, remembered));
    const startedAt = Date.now();
    // Each attempt sets its placeholder before its first await: the Library can show the grid now.
    const attempts = DEFAULT_SHOWS.filter((show) => !followed(show)).map((show) => attempt(show, false, true, startedAt));
    defaultShowsKnown.value = true;
    await Promise.all(attempts);
  }
  // The cards before DONE: a reload between the two writes must find either the first run still
  // to finish (it resumes) or the cards saved, never "done" with the unfound shows forgotten.
  await persistIssues();
  await setSetting(DONE, true);
  return true;
}

export async function retryDefaultShow(key: string): Promise<void> {
  const show = DEFAULT_SHOWS.find((s) => s.key === key);
  if (!show) return;
  await attempt(show);
  await persistIssues();
}

let retryingAll: Promise<void> | null = null;

/** Every show still unresolved, tried again (the network came back, or a later start). */
export function retryFailedDefaultShows(quiet = false): Promise<void> {
  retryingAll ??= (async () => {
    const failed = defaultShowIssues.value.filter((i) => i.status === 'failed').map((i) => i.key);
    const shows = failed.map((key) => DEFAULT_SHOWS.find((s) => s.key === key)).filter((s): s is DefaultShow => !!s);
    await Promise.all(shows.map((show) => attempt(show, quiet)));
    await persistIssues();
  })().finally(() => {
    retryingAll = null;
  });
  return retryingAll;
}

let watching = false;

/** Tries unresolved shows again whenever the browser goes from offline to online. */
export function retryWhenOnline(): void {
  if (watching) return;
  watching = true;
  let was = online.value;
  online.subscribe((now) => {
    if (now && !was) comebacks += 1;
    if (now && !was && defaultShowIssues.value.some((i) => i.status === 'failed')) void retryFailedDefaultShows();
    was = now;
  });
}

/** The pasted URL replaces what was known for the show; rejects (card unchanged) when it can't be followed. */
export async function followDefaultShowAt(key: string, url: string): Promise<void> {
  const { podcast } = await subscribe(url);
  await rememberFeed(key, podcast.feedUrl, 'pasted');
  setIssue({ key, remove: true });
  await persistIssues();
}

/** Stored first, then removed from view: a reload right after the click must not bring the card back. */
export async function dismissDefaultShow(key: string): Promise<void> {
  dismissed.add(key);
  await updateSetting<string[]>(DISMISSED, [], (keys) => (keys.includes(key) ? keys : [...keys, key]));
  const remaining = defaultShowIssues.value.filter((i) => i.key !== key && i.status === 'failed');
  await setSetting(ISSUES, remaining);
  setIssue({ key, remove: true });
}
