import { describe, expect, test } from 'vitest';
import {
  SearchEngine,
  SEARCH_INDEX_FORMAT,
  createEpisodeIndex,
  docSignature,
  loadEpisodeIndex,
  searchEpisodes,
  serializeEpisodeIndex,
  toSearchDoc,
  MAX_NOTES_CHARS,
  applyChanges,
} from '../../../src/core/search/index';
import { ep, person } from './fixtures';

const SHOW_A = 'https://a.example/feed';
const SHOW_B = 'https://b.example/feed';

function library() {
  const episodes = [
    ep({ id: 'a1', podcastId: SHOW_A, title: 'Routing in a hurry', notesText: 'BGP, OSPF and a cup of tea.', published: 1 }),
    ep({ id: 'a2', podcastId: SHOW_A, title: 'Automating the network', notesText: 'Small scripts, big wins with Ansible.', published: 2, played: 1 }),
    ep({ id: 'a3', podcastId: SHOW_A, title: 'Day two operations', notesText: 'On call stories. The word quokkalantern lives only here.', published: 3 }),
    ep({ id: 'b1', podcastId: SHOW_B, title: 'Zero trust, explained', notesText: 'Identity-aware proxies and routing decisions.', persons: [person('Jürgen Müller')], published: 4 }),
    ep({ id: 'b2', podcastId: SHOW_B, title: 'Ansible at scale', notesText: 'A whole hour on playbooks.', published: 5 }),
    ep({ id: 'b3', podcastId: SHOW_B, title: 'Café networking', notesText: 'Wi-Fi in the coffee shop.', published: 6 }),
  ];
  const titles: Record<string, string> = { [SHOW_A]: 'Heavy Networking', [SHOW_B]: 'Packet Protector' };
  const index = createEpisodeIndex();
  index.addAll(episodes.map((e) => toSearchDoc(e, titles[e.podcastId])));
  return { index, episodes, titles };
}

const ids = (outcome: { hits: Array<{ id: string }> }) => outcome.hits.map((h) => h.id);

describe('searchEpisodes', () => {
  const { index } = library();

  test('finds an episode by a word that is only in its show notes', () => {
    expect(ids(searchEpisodes(index, 'quokkalantern'))).toEqual(['a3']);
  });
  test('as you type: titles, people and shows match from two letters, notes from four', () => {
    expect(ids(searchEpisodes(index, 'ro'))).toEqual(['a1']);
    expect(ids(searchEpisodes(index, 'mü'))).toEqual(['b1']);
    expect(ids(searchEpisodes(index, 'quo'))).toEqual([]);
    expect(ids(searchEpisodes(index, 'quok'))).toEqual(['a3']);
    expect(ids(searchEpisodes(index, 'quokkala'))).toEqual(['a3']);
  });
  test('short words still match whole words in the notes', () => {
    expect(ids(searchEpisodes(index, 'tea'))).toEqual(['a1']);
    expect(ids(searchEpisodes(index, 'on call'))).toEqual(['a3']);
  });
  test('function words are not indexed in notes, but titles keep them', () => {
    // "and" is in a1's and a2's notes only; "the" is in a2's title.
    expect(searchEpisodes(index, 'and').total).toBe(0);
    expect(ids(searchEpisodes(index, 'the'))).toEqual(['a2']);
  });
  test('a one-letter query is not a prefix of everything', () => {
    expect(searchEpisodes(index, 'q').total).toBe(0);
  });
  test('forgives a typo in a longer word', () => {
    expect(ids(searchEpisodes(index, 'quokalantern'))).toEqual(['a3']);
    expect(ids(searchEpisodes(index, 'ansble')).sort()).toEqual(['a2', 'b2']);
    // Short words get no such leeway: "bgx" is not "bgp".
    expect(searchEpisodes(index, 'bgx').total).toBe(0);
  });
  test('a title match outranks a notes match', () => {
    // "routing" is a1's title and only b1's notes.
    expect(ids(searchEpisodes(index, 'routing'))).toEqual(['a1', 'b1']);
    expect(ids(searchEpisodes(index, 'ansible'))[0]).toBe('b2');
  });
  test('all words must match', () => {
    expect(ids(searchEpisodes(index, 'ansible playbooks'))).toEqual(['b2']);
    expect(searchEpisodes(index, 'ansible quokkalantern').total).toBe(0);
  });
  test('accents and case do not matter, either way round', () => {
    expect(ids(searchEpisodes(index, 'CAFE'))).toEqual(['b3']);
    // The German transliteration is one edit away and found by the fuzzy match.
    expect(ids(searchEpisodes(index, 'juergen'))).toEqual(['b1']);
    expect(ids(searchEpisodes(index, 'jurgen muller'))).toEqual(['b1']);
    expect(ids(searchEpisodes(index, 'Müller'))).toEqual(['b1']);
  });
  test('finds people and show titles', () => {
    expect(ids(searchEpisodes(index, 'muller'))).toEqual(['b1']);
    expect(ids(searchEpisodes(index, 'packet protector')).sort()).toEqual(['b1', 'b2', 'b3']);
  });
  test('reports the index terms that matched, for highlighting', () => {
    const hit = searchEpisodes(index, 'quokk').hits[0];
    expect(hit.terms).toEqual(['quokkalantern']);
  });
  test('filters by show, played state and a set of ids, and counts before the limit', () => {
    expect(ids(searchEpisodes(index, 'ansible', { podcastId: SHOW_A }))).toEqual(['a2']);
    expect(ids(searchEpisodes(index, 'ansible', { played: 'played' }))).toEqual(['a2']);
    expect(ids(searchEpisodes(index, 'ansible', { played: 'unplayed' }))).toEqual(['b2']);
    expect(ids(searchEpisodes(index, 'ansible', { onlyIds: new Set(['a2']) }))).toEqual(['a2']);
    expect(searchEpisodes(index, 'ansible', { onlyIds: new Set() }).total).toBe(0);
    const limited = searchEpisodes(index, 'networking', {}, 1);
    expect(limited.hits).toHaveLength(1);
    expect(limited.total).toBeGreaterThan(1);
  });
  test('an empty or punctuation-only query returns nothing instead of everything', () => {
    expect(searchEpisodes(index, '').total).toBe(0);
    expect(searchEpisodes(index, ' ?! ').total).toBe(0);
  });
});

describe('index lifecycle', () => {
  test('a serialized index loads back and answers the same', () => {
    const { index } = library();
    const loaded = loadEpisodeIndex(serializeEpisodeIndex(index));
    for (const q of ['quokk', 'routing', 'ansble', 'packet protector', 'cafe']) {
      expect(searchEpisodes(loaded, q)).toEqual(searchEpisodes(index, q));
    }
  });
  test('changes replace and remove documents without touching the rest', () => {
    const { index } = library();
    const changed = toSearchDoc(ep({ id: 'a3', podcastId: SHOW_A, title: 'Day two operations', notesText: 'Now about wombats.' }), 'Heavy Networking');
    applyChanges(index, [changed], ['b2']);
    expect(searchEpisodes(index, 'quokkalantern').total).toBe(0);
    expect(ids(searchEpisodes(index, 'wombats'))).toEqual(['a3']);
    expect(ids(searchEpisodes(index, 'ansible'))).toEqual(['a2']);
    expect(index.documentCount).toBe(5);
  });
  test('the engine refuses an index of another format, and a corrupt one, leaving an empty index', () => {
    const { index } = library();
    const engine = new SearchEngine();
    expect(engine.load({ format: SEARCH_INDEX_FORMAT, json: serializeEpisodeIndex(index) })).toBe(true);
    expect(engine.size).toBe(6);
    expect(engine.load({ format: SEARCH_INDEX_FORMAT + 1, json: serializeEpisodeIndex(index) })).toBe(false);
    expect(engine.size).toBe(0);
    expect(engine.load({ format: SEARCH_INDEX_FORMAT, json: '{"documentCount": "nope"' })).toBe(false);
    expect(engine.search('routing').total).toBe(0);
  });
  test('signatures change with content, played state and show title only', () => {
    const base = ep({ title: 'T', fingerprint: 'x' });
    const sig = docSignature(base, 'Show');
    expect(docSignature({ ...base }, 'Show')).toBe(sig);
    expect(docSignature({ ...base, fingerprint: 'y' }, 'Show')).not.toBe(sig);
    expect(docSignature({ ...base, played: 1 }, 'Show')).not.toBe(sig);
    expect(docSignature(base, 'Renamed show')).not.toBe(sig);
  });
  test('very long notes are cut before indexing', () => {
    const doc = toSearchDoc(ep({ title: 'Long', notesText: 'x '.repeat(MAX_NOTES_CHARS) }), 'S');
    expect(doc.notes.length).toBe(MAX_NOTES_CHARS);
  });
});
