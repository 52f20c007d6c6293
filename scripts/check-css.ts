/**
 * `npm run lint:css`: the naming scheme that keeps the app's global CSS from colliding.
 * Each class a stylesheet uses first in a selector (the rule's scope: `.queue-row`, `.queue-row img`)
 * belongs to that one stylesheet; another file may style it only inside a scope of its own
 * (`.latest-row .episode-row`). Two files that both start a rule with `.artwork` would override each
 * other by load order, which is how the library's artwork once took the player's rules.
 * CSS modules (`*.module.css`) are scoped by Vite and skipped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return cssFiles(full);
    return entry.name.endsWith('.css') && !entry.name.endsWith('.module.css') ? [full] : [];
  });
}

/** Every selector of every style rule, at any @media/@supports depth. */
export function selectors(css: string): string[] {
  const out: string[] = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const match of text.matchAll(/([^{};]+)\{/g)) {
    const prelude = match[1].trim();
    if (prelude.startsWith('@') || /^(from|to|\d+(\.\d+)?%)(\s*,\s*(from|to|\d+(\.\d+)?%))*$/.test(prelude)) continue;
    // Commas inside :is()/:not() do not start a new selector.
    let depth = 0;
    let current = '';
    for (const ch of prelude) {
      if (ch === '(') depth++;
      if (ch === ')') depth--;
      if (ch === ',' && depth === 0) {
        out.push(current.trim());
        current = '';
      } else current += ch;
    }
    out.push(current.trim());
  }
  return out;
}

/** The class a selector is scoped by: its first class, after any leading elements, :root or attributes (a theme, a state). */
export function scopeClass(selector: string): string | null {
  const match = /^(?:(?:[a-z][\w-]*|:root|\[[^\]]*\]|::?[\w-]+(?:\([^)]*\))?)+\s*[>+~]?\s*)*\.([a-zA-Z][\w-]*)/.exec(selector);
  return match ? match[1] : null;
}

export function collisions(files: Map<string, string>): string[] {
  const owners = new Map<string, Set<string>>();
  for (const [file, css] of files) {
    for (const selector of selectors(css)) {
      const scope = scopeClass(selector);
      if (!scope) continue;
      if (!owners.has(scope)) owners.set(scope, new Set());
      owners.get(scope)!.add(file);
    }
  }
  return [...owners].filter(([, where]) => where.size > 1).map(([cls, where]) => `.${cls} starts rules in ${[...where].sort().join(' and ')}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const files = new Map(cssFiles(path.join(root, 'src')).map((f) => [path.relative(root, f), readFileSync(f, 'utf8')]));
  const found = collisions(files);
  if (found.length) {
    console.error(`${found.length} CSS scope collision${found.length === 1 ? '' : 's'} (one stylesheet per scope class; style another's class inside your own scope):`);
    for (const line of found) console.error(`  ${line}`);
    process.exit(1);
  }
  console.log(`CSS scopes: ${files.size} stylesheets, no class starts rules in two of them`);
}
