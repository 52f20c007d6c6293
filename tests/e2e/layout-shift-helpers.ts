/** Layout shifts as the page reports them (the Layout Instability API), for the layout-stability tests. */
import type { BrowserContext, Page } from 'playwright-core';
import { renderedFrames } from './harness';

interface Shift {
  value: number;
  moved: string[];
}

/** Records every layout shift not caused by input, from the first paint of every document. */
export async function recordShifts(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const shifts: Array<{ value: number; moved: string[] }> = [];
    (window as unknown as { __shifts: typeof shifts }).__shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Array<{
        value: number;
        startTime: number;
        hadRecentInput: boolean;
        sources: Array<{ node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }>;
      }>) {
        if (entry.hadRecentInput) continue;
        const where = (r: DOMRectReadOnly) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
        const name = (node: Node | null | undefined) => (node instanceof Element ? `${node.tagName.toLowerCase()}.${node.className}` : String(node?.nodeName));
        shifts.push({ value: entry.value, moved: entry.sources.map((s) => `${name(s.node)} ${where(s.previousRect)} → ${where(s.currentRect)} at ${Math.round(entry.startTime)} ms`) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

async function shiftsSoFar(page: Page): Promise<Shift[]> {
  await renderedFrames(page);
  return page.evaluate(() => (window as unknown as { __shifts: Shift[] }).__shifts);
}

/**
 * The shifts that count: the goal is CLS ≤ 0.02 on a phone, but one shift of a tall page's element can
 * score little there and much on a shorter screen, so the tests allow none beyond rounding.
 */
export async function noticeableShifts(page: Page): Promise<Shift[]> {
  return (await shiftsSoFar(page)).filter((s) => s.value > 0.001);
}
