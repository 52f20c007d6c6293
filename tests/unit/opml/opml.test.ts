import { describe, expect, test } from 'vitest';
import { parseOpml, serializeOpml, OpmlError, MAX_OPML_FEEDS } from '../../../src/core/opml';

const wrap = (body: string, head = '<head><title>My casts</title></head>') => `<?xml version="1.0" encoding="utf-8"?>\n<opml version="1.0">${head}<body>${body}</body></opml>`;

describe('parseOpml', () => {
  test('reads flat and nested outlines in document order, with the titles other apps write', () => {
    const result = parseOpml(
      wrap(`
        <outline text="Tech" title="Tech">
          <outline type="rss" text="Heavy Networking" xmlUrl="https://feeds.example.com/hn" htmlUrl="https://example.com/hn"/>
          <outline text="Deeper">
            <outline type="rss" text="Only text" xmlUrl="https://feeds.example.com/deep"/>
          </outline>
        </outline>
        <outline type="rss" title="Title wins" text="Text loses" xmlurl="https://feeds.example.com/lower"/>
        <outline type="rss" xmlUrl="https://feeds.example.com/untitled"/>
      `),
    );
    expect(result.title).toBe('My casts');
    expect(result.feeds).toEqual([
      { url: 'https://feeds.example.com/hn', title: 'Heavy Networking', htmlUrl: 'https://example.com/hn' },
      { url: 'https://feeds.example.com/deep', title: 'Only text', htmlUrl: null },
      { url: 'https://feeds.example.com/lower', title: 'Title wins', htmlUrl: null },
      { url: 'https://feeds.example.com/untitled', title: null, htmlUrl: null },
    ]);
    expect(result.failed).toEqual([]);
  });

  test('lists each feed once and reports the duplicates', () => {
    const result = parseOpml(
      wrap(`
        <outline type="rss" text="A" xmlUrl="https://feeds.example.com/a"/>
        <outline text="Folder"><outline type="rss" text="A again" xmlUrl="https://feeds.example.com/a"/></outline>
        <outline type="rss" text="B" xmlUrl="https://feeds.example.com/b"/>
      `),
    );
    expect(result.feeds.map((f) => f.url)).toEqual(['https://feeds.example.com/a', 'https://feeds.example.com/b']);
    expect(result.duplicates).toEqual([{ url: 'https://feeds.example.com/a', title: 'A again', htmlUrl: null }]);
  });

  test('reports outlines that cannot be feeds with a reason, and keeps the rest', () => {
    const result = parseOpml(
      wrap(`
        <outline type="rss" text="Script" xmlUrl="javascript:alert(1)"/>
        <outline type="rss" text="File" xmlUrl="file:///etc/passwd"/>
        <outline type="rss" text="No URL"/>
        <outline text="Just a note"/>
        <outline type="rss" text="Good" xmlUrl="feeds.example.com/good"/>
      `),
    );
    expect(result.feeds).toEqual([{ url: 'https://feeds.example.com/good', title: 'Good', htmlUrl: null }]);
    expect(result.failed).toEqual([
      { title: 'Script', url: 'javascript:alert(1)', reason: 'Only http and https addresses can be subscribed to' },
      { title: 'File', url: 'file:///etc/passwd', reason: 'Only http and https addresses can be subscribed to' },
      { title: 'No URL', url: null, reason: 'It has no feed URL (xmlUrl)' },
    ]);
  });

  test('decodes entities in attributes and drops control characters from titles', () => {
    const result = parseOpml(wrap(`<outline type="rss" text="Q&amp;A &eacute;t&#233; &#x263A;\u0007" xmlUrl="https://e.example/f?a=1&amp;b=2"/>`));
    expect(result.feeds).toEqual([{ url: 'https://e.example/f?a=1&b=2', title: 'Q&A été ☺', htmlUrl: null }]);
  });

  test('round-trips through serializeOpml, awkward characters included', () => {
    const outlines = [
      { title: 'Heavy <Networking> & "friends"', feedUrl: 'https://feeds.example.com/hn?x=1&y=2', htmlUrl: 'https://example.com/' },
      { title: "Line\nbreak 'quoted' ☺ 𝄞", feedUrl: 'https://feeds.example.com/other', htmlUrl: null },
    ];
    const xml = serializeOpml(outlines, { date: new Date('2026-01-01T00:00:00Z') });
    const back = parseOpml(xml);
    expect(back.title).toBe('Hopcast subscriptions');
    expect(back.feeds).toEqual([
      { url: 'https://feeds.example.com/hn?x=1&y=2', title: 'Heavy <Networking> & "friends"', htmlUrl: 'https://example.com/' },
      // Whitespace in a title is folded to single spaces on import.
      { url: 'https://feeds.example.com/other', title: "Line break 'quoted' ☺ 𝄞", htmlUrl: null },
    ]);
    // eslint-disable-next-line no-control-regex -- matching control characters is what this expression is for
    expect(serializeOpml([{ title: 'bad \u0001 char \uD800', feedUrl: 'https://x.example/f' }])).not.toMatch(/[\u0001\uD800]/);
  });

  test('refuses what is not OPML with a clear message', () => {
    expect(() => parseOpml('')).toThrow(new OpmlError('The OPML file is empty'));
    expect(() => parseOpml('<rss><channel/></rss>')).toThrow(/not an OPML file/);
    expect(() => parseOpml('<opml><body><outline text="x"></body>')).toThrow(/not well-formed/);
    expect(() => parseOpml(`<opml>${' '.repeat(5 * 1024 * 1024)}</opml>`)).toThrow(/larger than 5 MB/);
  });

  test('is safe against hostile input: entity bombs, deep nesting, prototype keys, huge lists', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><opml><body><outline text="&b;" xmlUrl="https://x.example/f"/></body></opml>`;
    expect(() => parseOpml(bomb)).toThrow(/entities/);

    const deep = wrap(`${'<outline text="x">'.repeat(5000)}${'</outline>'.repeat(5000)}`);
    expect(() => parseOpml(deep)).toThrow(/nested more than/);

    const proto = parseOpml(wrap(`<outline type="rss" __proto__="x" constructor="y" text="P" xmlUrl="https://p.example/f"/>`));
    expect(proto.feeds).toEqual([{ url: 'https://p.example/f', title: 'P', htmlUrl: null }]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();

    const many = Array.from({ length: MAX_OPML_FEEDS + 3 }, (_, i) => `<outline type="rss" text="S${i}" xmlUrl="https://s.example/${i}"/>`).join('');
    const big = parseOpml(wrap(many));
    expect(big.feeds).toHaveLength(MAX_OPML_FEEDS);
    expect(big.failed).toHaveLength(3);
    expect(big.failed[0].reason).toMatch(/Only the first 5000/);
  });

  test('accepts outlines without an <opml> root or <head>, as some exporters write them', () => {
    const result = parseOpml('<body><outline type="rss" text="Bare" xmlUrl="http://bare.example/feed"/></body>');
    expect(result.title).toBeNull();
    expect(result.feeds).toEqual([{ url: 'http://bare.example/feed', title: 'Bare', htmlUrl: null }]);
  });
});
