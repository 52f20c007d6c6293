import { describe, expect, test } from 'vitest';
import { discoverFeedLinks, looksLikeHtml } from '../../../src/core/library/discover';
import { normalizeFeedUrl } from '../../../src/core/library/feed-url';

describe('discoverFeedLinks', () => {
  test('finds RSS and Atom alternates in any attribute order and quoting, resolved against the page and <base>', () => {
    const html = `<!doctype html><html><head>
      <link rel="stylesheet" href="/s.css">
      <link type='application/atom+xml' href='/blog.atom' rel='alternate' title='Blog'>
      <LINK REL="Alternate" TYPE="application/rss+xml" HREF="feed.xml?a=1&amp;b=2" title="Podcast">
      <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
      <link rel="alternate" type="text/html" href="/other">
    </head><body></body></html>`;
    expect(discoverFeedLinks(html, 'https://show.example/pod/index.html')).toEqual([
      { url: 'https://show.example/pod/feed.xml?a=1&b=2', title: 'Podcast', type: 'application/rss+xml' },
      { url: 'https://show.example/blog.atom', title: 'Blog', type: 'application/atom+xml' },
    ]);
    const based = '<base href="https://cdn.example/x/"><link rel=alternate type=application/rss+xml href=f.rss>';
    expect(discoverFeedLinks(based, 'https://show.example/')).toEqual([{ url: 'https://cdn.example/x/f.rss', title: null, type: 'application/rss+xml' }]);
  });

  test('returns nothing for a page without feed links', () => {
    expect(discoverFeedLinks('<html><head><title>x</title></head></html>', 'https://a.example/')).toEqual([]);
  });
});

describe('looksLikeHtml', () => {
  test('tells pages from feeds, even feeds served as text/html', () => {
    expect(looksLikeHtml('text/html; charset=utf-8', '<!DOCTYPE html><html>')).toBe(true);
    expect(looksLikeHtml(null, '  <html lang="en">')).toBe(true);
    expect(looksLikeHtml('text/html', '<?xml version="1.0"?><rss version="2.0">')).toBe(false);
    expect(looksLikeHtml('application/rss+xml', '<?xml version="1.0"?>\n<rss>')).toBe(false);
  });
});

describe('normalizeFeedUrl', () => {
  test('accepts what people paste and refuses what cannot be fetched', () => {
    expect(normalizeFeedUrl('  feeds.example.com/show ')).toEqual({ ok: true, url: 'https://feeds.example.com/show' });
    expect(normalizeFeedUrl('feed://feeds.example.com/x')).toEqual({ ok: true, url: 'https://feeds.example.com/x' });
    expect(normalizeFeedUrl('feed:https://feeds.example.com/x')).toEqual({ ok: true, url: 'https://feeds.example.com/x' });
    expect(normalizeFeedUrl('itpc://feeds.example.com/x')).toEqual({ ok: true, url: 'http://feeds.example.com/x' });
    expect(normalizeFeedUrl('localhost:8080/feed')).toEqual({ ok: true, url: 'https://localhost:8080/feed' });
    expect(normalizeFeedUrl('http://127.0.0.1:4180/feeds/a.xml')).toEqual({ ok: true, url: 'http://127.0.0.1:4180/feeds/a.xml' });
    expect(normalizeFeedUrl('')).toMatchObject({ ok: false });
    expect(normalizeFeedUrl('ftp://x.example/f')).toEqual({ ok: false, message: 'Only http and https addresses can be subscribed to' });
    expect(normalizeFeedUrl('javascript:alert(1)')).toMatchObject({ ok: false });
    expect(normalizeFeedUrl('https://user:pw@x.example/f')).toMatchObject({ ok: false });
    expect(normalizeFeedUrl('has space.com/x')).toMatchObject({ ok: false });
  });
});
