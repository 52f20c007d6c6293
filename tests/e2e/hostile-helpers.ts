/** A show with hostile titles, and the page checks the playlist review tests share (overflow, axe). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { Stack } from './harness';

/** One unbroken 120-character word: the worst case for wrapping at 390 px. */
export const LONG_WORD = `Supercalifragilistic${'x'.repeat(100)}`;
export const HOSTILE = {
  file: 'hostile-show.xml',
  title: `A show whose title goes on and on and on ${'and on '.repeat(12)}— ${LONG_WORD}`,
  long: `Episode with a very long title that keeps going well past any phone width ${LONG_WORD} the end`,
  html: '<img src=x onerror="window.__xss=3"> & <b>bold</b> 🎧🚀👩‍👩‍👧 ünïcödé',
};

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
  <channel>
    <title>${escape(HOSTILE.title)}</title>
    <link>{{BASE}}/page/hostile.html</link>
    <description>Hostile titles.</description>
    <item>
      <title>${escape(HOSTILE.long)}</title>
      <guid isPermaLink="false">hostile-long</guid>
      <pubDate>Wed, 21 Jan 2026 09:00:00 GMT</pubDate>
      <enclosure url="{{BASE}}/audio/episode-1.mp3" type="audio/mpeg" length="48274"/>
      <itunes:duration>0:12</itunes:duration>
    </item>
    <item>
      <title>${escape(HOSTILE.html)}</title>
      <guid isPermaLink="false">hostile-html</guid>
      <pubDate>Tue, 20 Jan 2026 09:00:00 GMT</pubDate>
      <enclosure url="{{BASE}}/audio/episode-2.mp3" type="audio/mpeg" length="40229"/>
      <itunes:duration>0:10</itunes:duration>
    </item>
  </channel>
</rss>`;

export function addHostileShow(stack: Stack): string {
  stack.fixtures.setFeed(HOSTILE.file, FEED);
  return `${stack.fixtures.origin}/feeds/${HOSTILE.file}`;
}

/** The page is no wider than the screen (nothing scrolls sideways). */
export function overflow(page: Page): Promise<{ scroll: number; inner: number }> {
  return page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
}

// Evaluated through the DevTools protocol: the app's CSP (script-src 'self') refuses an injected <script>.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's WCAG 2 A/AA rules over `selector` (a screen or an open dialog): each violation as
 * "rule: target", so a failure names what to fix.
 */
export async function axeViolations(page: Page, selector: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (sel) => {
    // axe over nothing finds nothing: a selector that matches nothing must fail, not pass.
    if (!document.querySelector(sel)) return [`${sel} matches nothing`];
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run({ include: [sel] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  }, selector);
}

/**
 * What sticks out of `selector` (a dialog is in the top layer, so the document's width does not
 * show it): the container scrolling sideways, or an element inside spilling past its own box or
 * past the container's right edge. Elements that clip on purpose (ellipsis) and form fields are fine.
 */
export function sticksOut(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const root = document.querySelector<HTMLElement>(sel);
    if (!root) return [`${sel} not found`];
    const edge = root.getBoundingClientRect().right + 1;
    const name = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} “${(el.textContent ?? '').trim().slice(0, 30)}”`;
    const out = root.scrollWidth > root.clientWidth + 1 ? [`${name(root)} scrolls sideways`] : [];
    for (const el of root.querySelectorAll<HTMLElement>('*')) {
      if (el.closest('svg') || ['INPUT', 'TEXTAREA', 'SELECT', 'OPTION'].includes(el.tagName)) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      if (el.getBoundingClientRect().right > edge) out.push(`${name(el)} passes the right edge`);
      else if (style.overflowX === 'visible' && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) out.push(`${name(el)} spills`);
    }
    return out;
  }, selector);
}
