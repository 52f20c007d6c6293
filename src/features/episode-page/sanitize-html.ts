/**
 * Show notes (and HTML transcripts) are someone else's HTML: DOMPurify keeps a small allow-list
 * of text markup, links and images, and its hooks make what survives safe to show here:
 * links open in a new tab without access back to this page, images load lazily and without a
 * referrer, relative URLs resolve against the feed, and any URL that is not http(s), mailto or
 * tel is dropped. Timestamps in the text then become "Play from" buttons.
 */
import DOMPurify, { type Config } from 'dompurify';
import { formatClock } from '../../core/time';
import { findTimestamps } from './timestamps';

const ALLOWED_TAGS = [
  'a',
  'abbr',
  'b',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'dd',
  'del',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
];
const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'datetime', 'colspan', 'rowspan', 'start', 'reversed'];
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const IMAGE_SCHEMES = new Set(['http:', 'https:']);

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  // Content of these is code or chrome, never notes (added to DOMPurify's own list).
  ADD_FORBID_CONTENTS: ['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'select', 'textarea', 'button', 'form'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  KEEP_CONTENT: true,
};

/** Absolute http(s)/mailto/tel URL, resolved against `base`; null for anything else. */
function safeUrl(value: string, base: string | undefined, schemes: ReadonlySet<string>): string | null {
  try {
    const url = new URL(value.trim(), base);
    return schemes.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

let purifier: ReturnType<typeof DOMPurify> | null = null;
let currentBase: string | undefined;

function instance(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  // An instance of our own, so these hooks never leak into another feature's DOMPurify use.
  const p = DOMPurify(window);
  p.addHook('afterSanitizeAttributes', (node) => {
    const el = node;
    if (el.tagName === 'A') {
      const href = el.getAttribute('href');
      const safe = href === null ? null : safeUrl(href, currentBase, LINK_SCHEMES);
      if (safe) {
        el.setAttribute('href', safe);
        el.setAttribute('target', '_blank');
        el.setAttribute('rel', 'noopener noreferrer');
      } else {
        el.removeAttribute('href');
      }
    } else if (el.tagName === 'IMG') {
      const src = el.getAttribute('src');
      const safe = src === null ? null : safeUrl(src, currentBase, IMAGE_SCHEMES);
      if (!safe) {
        el.remove();
        return;
      }
      el.setAttribute('src', safe);
      el.setAttribute('loading', 'lazy');
      el.setAttribute('decoding', 'async');
      el.setAttribute('referrerpolicy', 'no-referrer');
      if (!el.hasAttribute('alt')) el.setAttribute('alt', '');
    }
  });
  purifier = p;
  return p;
}

export interface NotesOptions {
  /** Where relative links and images in the notes point (the episode page or the feed). */
  baseUrl?: string;
  /** Episode length: timestamps past it are not turned into buttons. */
  duration?: number | null;
  /** Turn timestamps into buttons (off when the episode has no audio to play). */
  timestamps?: boolean;
}

/** Sanitized notes as a detached fragment of this document, timestamps already turned into buttons. */
export function sanitizeNotes(html: string, options: NotesOptions = {}): DocumentFragment {
  const p = instance();
  currentBase = options.baseUrl;
  let fragment: DocumentFragment;
  try {
    fragment = p.sanitize(looksLikeHtml(html) ? defuseHandlers(html) : textToHtml(html), { ...CONFIG, RETURN_DOM_FRAGMENT: true });
  } finally {
    currentBase = undefined;
  }
  if (options.timestamps !== false) linkifyTimestamps(fragment, options.duration ?? null);
  return fragment;
}

const TAG = /<[a-z][^<>]*>/gi;
const HANDLER = /([\s/"'])on([a-z]+\s*=)/gi;

/**
 * Renames `on…=` attributes inside tags before DOMPurify parses the notes. Not a security step
 * (DOMPurify removes them either way), but Chromium checks inline handlers against the page's
 * CSP even in DOMParser's inert document and logs a violation for every hostile note.
 */
function defuseHandlers(html: string): string {
  return html.replace(TAG, (tag) => tag.replace(HANDLER, '$1data-defused-$2'));
}

/** Many feeds send plain text with newlines as notes: keep the paragraphs and line breaks. */
function looksLikeHtml(text: string): boolean {
  return /<[a-z!/][^>]*>/i.test(text) || /&(?:[a-z]+|#\d+|#x[\da-f]+);/i.test(text);
}

function textToHtml(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped
    .split(/\n\s*\n/)
    .map((para) => `<p>${para.trim().replace(/\n/g, '<br>')}</p>`)
    .join('');
}

const SKIP_INSIDE = new Set(['A', 'BUTTON', 'CODE', 'PRE', 'KBD']);

/** Replaces timestamps in text nodes (not inside links or code) with `button[data-seek]`. */
export function linkifyTimestamps(root: Node, duration: number | null): void {
  const doc = root.ownerDocument ?? document;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  for (const text of texts) {
    if (insideSkipped(text, root)) continue;
    const value = text.data;
    const found = findTimestamps(value, duration);
    if (found.length === 0) continue;
    const parts: Node[] = [];
    let at = 0;
    for (const t of found) {
      if (t.start > at) parts.push(doc.createTextNode(value.slice(at, t.start)));
      const button = doc.createElement('button');
      button.type = 'button';
      button.className = 'seek-link';
      button.dataset.seek = String(t.seconds);
      button.setAttribute('aria-label', `Play from ${formatClock(t.seconds)}`);
      button.textContent = value.slice(t.start, t.end);
      parts.push(button);
      at = t.end;
    }
    if (at < value.length) parts.push(doc.createTextNode(value.slice(at)));
    text.replaceWith(...parts);
  }
}

function insideSkipped(node: Node, root: Node): boolean {
  for (let p = node.parentNode; p && p !== root; p = p.parentNode) {
    if (SKIP_INSIDE.has((p as Element).tagName)) return true;
  }
  return false;
}
