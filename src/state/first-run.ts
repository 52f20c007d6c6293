/**
 * First run: follow the default shows. A show without a known feed URL, or whose URL answers
 * 404/410, is looked up by its exact title in the directory and the answer remembered. A show
 * that cannot be resolved stays on the Library as a card with the reason, Retry and a way to
 * paste its feed URL, across reloads, until it is resolved or dismissed.
 */
import { signal } from '@preact/signals';
import { DEFAULT_SHOWS, type DefaultShow } from '../core/default-shows';
import { searchDirectory } from '../api/directory';
import { getSetting, setSetting } from '../db/settings';
import { describeFeedError, isFeedGone } from './errors';
import { podcasts } from './library';
import { subscribe } from './subscribe';

export interface DefaultShowIssue {
  key: string;
  title: string;
  status: 'working' | 'failed';
  message: string;
}

export const defaultShowIssues = signal<DefaultShowIssue[]>([]);

const DONE = 'library.firstRunDone';
const ISSUES = 'library.defaultShowIssues';
const RESOLVED = 'library.defaultShowFeeds';

const fold = (title: string) => title.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

function setIssue(issue: DefaultShowIssue | { key: string; remove: true }): void {
  const rest = defaultShowIssues.value.filter((i) => i.key !== issue.key);
  defaultShowIssues.value = 'remove' in issue ? rest : [...rest, issue].sort((a, b) => order(a.key) - order(b.key));
}
const order = (key: string) => DEFAULT_SHOWS.findIndex((s) => s.key === key);

async function persistIssues(): Promise<void> {
  await setSetting(ISSUES, defaultShowIssues.value.filter((i) => i.status === 'failed'));
}

async function remember(key: string, url: string): Promise<void> {
  const resolved = await getSetting<Record<string, string>>(RESOLVED, {});
  await setSetting(RESOLVED, { ...resolved, [key]: url });
}

async function findByTitle(show: DefaultShow): Promise<string> {
  const results = await searchDirectory(show.title);
  const titles = [show.title, ...show.aliases].map(fold);
  const match = results.find((r) => titles.includes(fold(r.title)));
  if (!match) throw new Error(`No show titled “${show.title}” was found in the podcast directory`);
  return match.feedUrl;
}

async function follow(show: DefaultShow): Promise<void> {
  const remembered = (await getSetting<Record<string, string>>(RESOLVED, {}))[show.key];
  const url = remembered ?? show.feedUrl;
  if (url) {
    try {
      await subscribe(url);
      await remember(show.key, url);
      return;
    } catch (err) {
      if (!isFeedGone(err)) throw err;
    }
  }
  const found = await findByTitle(show);
  await subscribe(found);
  await remember(show.key, found);
}

async function attempt(show: DefaultShow): Promise<void> {
  setIssue({ key: show.key, title: show.title, status: 'working', message: 'Subscribing…' });
  try {
    await follow(show);
    setIssue({ key: show.key, remove: true });
  } catch (err) {
    setIssue({ key: show.key, title: show.title, status: 'failed', message: describeFeedError(err) });
  }
}

/** On a fresh install subscribes to the default shows; later, brings back the unresolved ones' cards. */
export async function runFirstRun(): Promise<boolean> {
  if (await getSetting(DONE, false)) {
    defaultShowIssues.value = await getSetting<DefaultShowIssue[]>(ISSUES, []);
    return false;
  }
  // Someone who already follows shows (an OPML import before this ran) is not a fresh install.
  if (podcasts.value.length === 0) await Promise.all(DEFAULT_SHOWS.map(attempt));
  await setSetting(DONE, true);
  await persistIssues();
  return true;
}

export async function retryDefaultShow(key: string): Promise<void> {
  const show = DEFAULT_SHOWS.find((s) => s.key === key);
  if (!show) return;
  await attempt(show);
  await persistIssues();
}

/** The pasted URL replaces what was known for the show; rejects (card unchanged) when it can't be followed. */
export async function followDefaultShowAt(key: string, url: string): Promise<void> {
  await subscribe(url);
  await remember(key, url);
  setIssue({ key, remove: true });
  await persistIssues();
}

/** Stored first, then removed from view: a reload right after the click must not bring the card back. */
export async function dismissDefaultShow(key: string): Promise<void> {
  const remaining = defaultShowIssues.value.filter((i) => i.key !== key && i.status === 'failed');
  await setSetting(ISSUES, remaining);
  setIssue({ key, remove: true });
}
