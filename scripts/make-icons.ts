/**
 * Draws Hopcast's icons from one SVG design and renders the PNG sizes the manifest and iOS need.
 * Run `npm run icons`; the outputs in public/icons/ are committed.
 */
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const out = path.resolve(import.meta.dirname, '..', 'public', 'icons');
mkdirSync(out, { recursive: true });

/** Three arcs hopping out of a dot: a broadcast that jumps hop by hop, like packets. */
function glyph(scale: number, color: string): string {
  const s = (n: number) => (n * scale).toFixed(1);
  return `
  <g transform="translate(${s(256)} ${s(256)})" fill="none" stroke="${color}" stroke-linecap="round" stroke-width="${s(30)}">
    <circle r="${s(34)}" cx="${s(-96)}" cy="${s(96)}" fill="${color}" stroke="none"/>
    <path d="M ${s(-96)} ${s(10)} A ${s(86)} ${s(86)} 0 0 1 ${s(-10)} ${s(96)}"/>
    <path d="M ${s(-96)} ${s(-74)} A ${s(170)} ${s(170)} 0 0 1 ${s(74)} ${s(96)}"/>
    <path d="M ${s(-96)} ${s(-158)} A ${s(254)} ${s(254)} 0 0 1 ${s(158)} ${s(96)}"/>
  </g>`;
}

function icon(opts: { rounded: boolean; glyphScale: number; extra?: string }): string {
  const radius = opts.rounded ? 112 : 0;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#14b8a6"/><stop offset="1" stop-color="#0f4c5c"/>
    </linearGradient>
  </defs>
  <rect width="512" height="512" rx="${radius}" fill="url(#bg)"/>
  ${glyph(opts.glyphScale, '#f8fafc')}
  ${opts.extra ?? ''}
</svg>`;
}

function render(svg: string, size: number, file: string): void {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  writeFileSync(path.join(out, file), png);
}

const standard = icon({ rounded: true, glyphScale: 1 });
// Maskable icons are cropped to a circle of 80 %: full-bleed background, glyph inside the safe zone.
const maskable = icon({ rounded: false, glyphScale: 0.72 });
const full = icon({ rounded: false, glyphScale: 0.9 });

writeFileSync(path.join(out, 'icon.svg'), standard);
render(standard, 192, 'icon-192.png');
render(standard, 512, 'icon-512.png');
render(maskable, 512, 'maskable-512.png');
render(full, 180, 'apple-touch-icon.png');
render(standard, 32, 'favicon-32.png');

const badge = (d: string) => icon({ rounded: true, glyphScale: 0, extra: `<path d="${d}" fill="none" stroke="#f8fafc" stroke-width="40" stroke-linecap="round" stroke-linejoin="round"/>` });
render(badge('M 130 170 H 382 M 130 256 H 382 M 130 342 H 290'), 96, 'shortcut-queue.png');
render(badge('M 256 110 V 330 M 166 250 L 256 340 L 346 250 M 140 402 H 372'), 96, 'shortcut-downloads.png');
console.log(`icons written to ${out}`);

// Artwork for the fixture show the tests and screenshots subscribe to (served by the fixture server).
const fixtureArt = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#f59e0b"/><stop offset="1" stop-color="#b45309"/></linearGradient></defs>
  <rect width="600" height="600" fill="url(#g)"/>
  <g fill="none" stroke="#fff7ed" stroke-width="26" stroke-linecap="round">
    <path d="M120 420 L220 300 L300 380 L400 220 L480 300"/>
    <circle cx="120" cy="420" r="18" fill="#fff7ed"/><circle cx="220" cy="300" r="18" fill="#fff7ed"/>
    <circle cx="300" cy="380" r="18" fill="#fff7ed"/><circle cx="400" cy="220" r="18" fill="#fff7ed"/><circle cx="480" cy="300" r="18" fill="#fff7ed"/>
  </g>
</svg>`;
writeFileSync(path.resolve(import.meta.dirname, '..', 'tests', 'fixtures', 'served', 'artwork.png'), new Resvg(fixtureArt, { fitTo: { mode: 'width', value: 300 } }).render().asPng());
