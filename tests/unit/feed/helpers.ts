import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
export const fixturesDir = path.join(repoRoot, 'tests', 'fixtures', 'feeds');
/** The shared corpus of real feeds, next to the repository; absent on machines without it. */
export const corpusDir = path.resolve(repoRoot, '..', 'shared', 'corpus', 'feeds');
export const hasCorpus = existsSync(path.join(corpusDir, 'SOURCES.md'));

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(fixturesDir, name)));
}

export function fixtureText(name: string): string {
  return readFileSync(path.join(fixturesDir, name), 'utf8');
}

/** A minimal RSS document around the given items (and optional channel extras). */
export function rss(items: string, channel = '<title>Show</title>', ns = ''): string {
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + `<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"${ns}>` + `<channel>${channel}${items}</channel></rss>`;
}

export function corpusWarning(): void {
  console.warn(`feed corpus not found at ${corpusDir}: skipping the corpus suites`);
}
