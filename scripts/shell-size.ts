/**
 * The app shell's size: the JS and CSS that index.html loads or preloads, min+gzip (level 9, as
 * Lighthouse and bundle-size tools count), and every other chunk the build made. Used by the
 * bundle budget test and by `npm run bench -- lighthouse`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface SizedFile {
  file: string;
  gzip: number;
}

export interface ShellReport {
  shell: SizedFile[];
  shellGzip: number;
  lazy: SizedFile[];
}

/** KB as the budget counts them (1 KB = 1000 bytes, as the issue and Lighthouse report). */
export const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;

function gz(dist: string, file: string): SizedFile {
  return { file, gzip: gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length };
}

export function measureShell(dist: string): ShellReport {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const loaded = new Set<string>();
  for (const m of html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)) loaded.add(m[1]);
  const shell = [...loaded].map((f) => gz(dist, f));
  const lazy = readdirSync(path.join(dist, 'assets'))
    .filter((f) => /\.(js|css)$/.test(f) && !loaded.has(`assets/${f}`))
    .map((f) => gz(dist, `assets/${f}`))
    .sort((a, b) => b.gzip - a.gzip);
  return { shell, shellGzip: shell.reduce((n, f) => n + f.gzip, 0), lazy };
}

export function formatShell(report: ShellReport): string {
  const lines = [`app shell ${kb(report.shellGzip)} min+gzip:`];
  for (const f of report.shell) lines.push(`  ${f.file.padEnd(44)} ${kb(f.gzip)}`);
  lines.push(`lazy chunks (${report.lazy.length}):`);
  for (const f of report.lazy) lines.push(`  ${f.file.padEnd(44)} ${kb(f.gzip)}`);
  return lines.join('\n');
}
