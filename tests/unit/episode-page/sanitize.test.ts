// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { sanitizeNotes } from '../../../src/features/episode-page/sanitize-html';

const BASE = 'https://feed.example/show/feed.xml';

function clean(html: string, duration: number | null = null): HTMLDivElement {
  const div = document.createElement('div');
  div.append(sanitizeNotes(html, { baseUrl: BASE, duration }));
  return div;
}

/** Everything that could run code or leave the page in a hostile way. */
function dangers(root: Element): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'style', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'base', 'meta', 'link', 'template'].includes(tag)) found.push(`<${tag}>`);
    for (const attr of el.getAttributeNames()) {
      if (attr.startsWith('on') || attr === 'style' || attr === 'srcdoc' || attr === 'formaction') found.push(`${tag}[${attr}]`);
      const value = el.getAttribute(attr) ?? '';
      if ((attr === 'href' || attr === 'src') && !/^(https?:|mailto:|tel:)/i.test(value)) found.push(`${tag}[${attr}=${value}]`);
    }
  }
  return found;
}

const HOSTILE = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href=" JaVaScRiPt:alert(1)">click</a>',
  '<a href="&#106;avascript:alert(1)">click</a>',
  '<a href="data:text/html,<script>alert(1)</script>">data</a>',
  '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
  '<svg><script>alert(1)</script></svg>',
  '<svg onload=alert(1)>',
  '<iframe src="https://evil.example"></iframe>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<div style="position:fixed;inset:0">cover</div>',
  '<form action="https://evil.example"><button formaction="javascript:alert(1)">go</button></form>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<a href="https://ok.example" onclick="alert(1)" onmouseover="alert(1)">ok</a>',
  '<p onpointerdown="alert(1)">x</p><details open ontoggle="alert(1)">y</details>',
  '<template><img src=x onerror=alert(1)></template>',
  // A ">" inside a quoted value ends the tag early for a regex, never for the parser.
  '<img alt=">" onerror="alert(1)" src=x>',
  '<img/onerror=alert(1) src=x>',
  '<a href="https://ok.example"\nonclick=alert(1)>x</a>',
];

describe('sanitizeNotes', () => {
  test.each(HOSTILE)('nothing that runs survives: %s', (html) => {
    expect(dangers(clean(html))).toEqual([]);
  });

  test('the fixture feed note: text stays, handler and script go', () => {
    const div = clean('<p>Small scripts, big wins.</p><img src=x onerror="window.__xss=1"><script>window.__xss=2</script>');
    expect(div.textContent).toBe('Small scripts, big wins.');
    expect(div.innerHTML).not.toContain('__xss');
  });

  test('links open in a new tab with noopener and noreferrer, relative ones resolved against the feed', () => {
    const div = clean('<a href="https://a.example/x">abs</a> <a href="/guests/jane">rel</a> <a href="mailto:hi@example.com">mail</a>');
    const links = [...div.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://a.example/x', 'https://feed.example/guests/jane', 'mailto:hi@example.com']);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  test('a link with a bad URL keeps its text but loses the href', () => {
    const div = clean('<a href="javascript:void(0)">Sponsor</a>');
    const a = div.querySelector('a')!;
    expect(a.hasAttribute('href')).toBe(false);
    expect(a.textContent).toBe('Sponsor');
  });

  test('images load lazily, without a referrer, and always have alt text', () => {
    const div = clean('<img src="cover.jpg"><img src="https://cdn.example/b.png" alt="Guest">');
    const imgs = [...div.querySelectorAll('img')];
    expect(imgs.map((i) => i.getAttribute('src'))).toEqual(['https://feed.example/show/cover.jpg', 'https://cdn.example/b.png']);
    for (const img of imgs) {
      expect(img.getAttribute('loading')).toBe('lazy');
      expect(img.getAttribute('referrerpolicy')).toBe('no-referrer');
      expect(img.hasAttribute('alt')).toBe(true);
    }
  });

  test('plain-text notes keep their paragraphs and line breaks, and are escaped', () => {
    const div = clean('First line\nsecond line\n\nNew paragraph with 1 < 2');
    expect(div.querySelectorAll('p')).toHaveLength(2);
    expect(div.querySelectorAll('br')).toHaveLength(1);
    expect(div.textContent).toContain('1 < 2');
  });

  test('timestamps become Play from buttons with the time in seconds', () => {
    const div = clean('<p>Intro 0:00, news 12:34, deep dive 1:02:03.</p>');
    const buttons = [...div.querySelectorAll('button.seek-link')];
    expect(buttons.map((b) => [b.textContent, b.getAttribute('data-seek'), b.getAttribute('aria-label')])).toEqual([
      ['0:00', '0', 'Play from 0:00'],
      ['12:34', '754', 'Play from 12:34'],
      ['1:02:03', '3723', 'Play from 1:02:03'],
    ]);
    expect(div.textContent).toBe('Intro 0:00, news 12:34, deep dive 1:02:03.');
  });

  test('timestamps inside links or code, past the end, or times of day stay text', () => {
    const div = clean('<p><a href="https://x.example">at 12:34</a> <code>10:00</code> meet at 10:30 am, chapter 59:00</p>', 1800);
    expect(div.querySelectorAll('button')).toHaveLength(0);
  });

  test('a feed cannot smuggle in its own seek buttons', () => {
    const div = clean('<button data-seek="5" onclick="alert(1)">5</button><p data-seek="3">x</p>');
    expect(div.querySelectorAll('button')).toHaveLength(0);
    expect(div.querySelector('[data-seek]')).toBeNull();
  });
});
