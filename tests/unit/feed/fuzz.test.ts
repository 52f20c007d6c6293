import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FeedError, parseFeed } from '../../../src/core/feed/index';
import type { ParsedFeed } from '../../../src/core/types';
import { corpusDir, fixturesDir, hasCorpus } from './helpers';
import { cpuMs } from '../cpu-time';

/**
 * Property: whatever happens to a real feed (cut anywhere, pieces dropped, duplicated or replaced
 * by the tokens that break parsers), parseFeed returns a well-formed result or throws FeedError.
 * Nothing else escapes, and no input takes long.
 */

const MAX_BYTES = 80_000;
/** CPU ms (not wall time, which on a loaded machine also counts waiting for a core) per input. */
const TIME_BOUND_MS = 1_500;

function seeds(): Uint8Array[] {
  const files = readdirSync(fixturesDir).map((f) => path.join(fixturesDir, f));
  if (hasCorpus) {
    for (const f of readdirSync(corpusDir).filter((f) => f.endsWith('.xml'))) files.push(path.join(corpusDir, f));
  }
  return files.map((f) => new Uint8Array(readFileSync(f))).filter((b) => b.length <= MAX_BYTES);
}

const TOKENS = [
  '<',
  '>',
  '&',
  '&amp',
  '&#',
  '&#x110000;',
  '&#0;',
  '"',
  "'",
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<item>',
  '</item>',
  '<entry>',
  '<channel>',
  '</channel>',
  '<rss>',
  '</rss>',
  '<?xml version="1.0" encoding="utf-16"?>',
  '<title>',
  '</title>',
  '<enclosure url="',
  '<guid>',
  '<!DOCTYPE rss [<!ENTITY a "&a;&a;">]>',
  '&a;',
  '<a:b:c>',
  '\u0000',
  '\uFFFD',
  '\uFEFF',
  '\uD800',
  '\r\n',
  '𝀏',
  '<description><p>',
  '<__proto__>',
  '<constructor>',
  '<#text>',
  'xmlns:itunes="x"',
];

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; token: string }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'byte'; at: number; value: number };

const position = fc.double({ min: 0, max: 1, noNaN: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: position, token: fc.oneof(fc.constantFrom(...TOKENS), fc.string()) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: position, length: fc.integer({ min: 1, max: 2_000 }) }),
  fc.record({ kind: fc.constant('byte' as const), at: position, value: fc.integer({ min: 0, max: 255 }) }),
);

function mutate(input: Uint8Array, mutations: Mutation[]): Uint8Array {
  let b = input;
  const encode = (s: string): Uint8Array => new TextEncoder().encode(s);
  for (const m of mutations) {
    const at = Math.floor(m.at * b.length);
    switch (m.kind) {
      case 'truncate':
        b = b.subarray(0, at);
        break;
      case 'delete':
        b = concat(b.subarray(0, at), b.subarray(at + m.length));
        break;
      case 'insert':
        b = concat(b.subarray(0, at), encode(m.token), b.subarray(at));
        break;
      case 'duplicate':
        b = concat(b.subarray(0, at + m.length), b.subarray(at));
        break;
      case 'byte':
        b = b.slice();
        if (at < b.length) b[at] = m.value;
        break;
    }
  }
  return b;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function checkShape(feed: ParsedFeed): void {
  expect(typeof feed.title).toBe('string');
  expect(Array.isArray(feed.warnings)).toBe(true);
  const ids = new Set<string>();
  for (const e of feed.episodes) {
    expect(typeof e.guid).toBe('string');
    expect(ids.has(e.guid)).toBe(false);
    ids.add(e.guid);
    expect(typeof e.title).toBe('string');
    if (e.pubDate !== null) expect(Number.isNaN(Date.parse(e.pubDate))).toBe(false);
    if (e.duration !== null) expect(Number.isFinite(e.duration)).toBe(true);
    if (e.enclosure) expect(e.enclosure.url).toMatch(/^(https?:\/\/|[^:]*$)/i);
  }
}

/** Runs one input: only FeedError may escape, within the time bound. */
function survives(input: string | Uint8Array, known?: ReadonlySet<string>): boolean {
  const ms = cpuMs(() => {
    try {
      checkShape(parseFeed(input, 'https://example.com/feed.xml', known ? { known } : {}));
    } catch (err) {
      if (!(err instanceof FeedError)) throw err;
    }
  });
  if (ms > TIME_BOUND_MS) throw new Error(`took ${ms.toFixed(0)} CPU ms`);
  return true;
}

describe('fuzzing parseFeed with mutated and truncated real feeds', () => {
  const docs = seeds();
  const seed = Number(process.env.FEED_FUZZ_SEED ?? 20260725);

  it('lets only FeedError escape, and bounds the time per input', () => {
    expect(docs.length).toBeGreaterThan(10);
    const input = fc.record({
      doc: fc.constantFrom(...docs),
      mutations: fc.array(mutation, { minLength: 1, maxLength: 6 }),
      asText: fc.boolean(),
    });
    fc.assert(
      fc.property(input, ({ doc, mutations, asText }) => {
        const bytes = mutate(doc, mutations);
        return survives(asText ? new TextDecoder().decode(bytes) : bytes);
      }),
      { numRuns: 400, seed },
    );
  }, 300_000);

  it('survives every cut point of a feed, as bytes and as a refresh', () => {
    const doc = readFileSync(path.join(fixturesDir, 'podcast20.xml'));
    const known = new Set(parseFeed(new Uint8Array(doc)).episodes.map((e) => e.fingerprint));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: doc.length }), (cut) => survives(new Uint8Array(doc.subarray(0, cut)), known)),
      { numRuns: 300, seed },
    );
  }, 300_000);

  it('survives arbitrary text and bytes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (s) => survives(s)),
      { numRuns: 300, seed },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), (b) => survives(b)),
      { numRuns: 300, seed },
    );
  }, 300_000);
});
