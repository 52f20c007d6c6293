import type { ParseContext } from './context';
import { isHtmlField, isLeaf } from './xml';

const TAG = /<(\/?)([A-Za-z_][\w:.-]*)((?:[^<>"']|"[^<"]*"|'[^<']*')*)>/y;

/** Markup copied as it is, and what ends it. */
const OPAQUE: [string, string][] = [
  ['<![CDATA[', ']]>'],
  ['<!--', '-->'],
  ['<?', '?>'],
  ['<!', '>'],
];

/**
 * Rewrites a fragment of broken XML into a balanced one, the way HTML parsers recover: a closing
 * tag that skips open elements closes them, a closing tag with no opener is dropped, an element
 * opening inside a text-only one (title, guid, itunes:block…) closes that one first, a `<` that
 * starts no tag becomes text, and whatever the end of the input cut in half is left out. Linear:
 * every scan stops at the next `<`, so hostile input cannot make it quadratic.
 */
export function balanceXml(xml: string, ctx: ParseContext): string {
  const out: string[] = [];
  const stack: string[] = [];
  let i = 0;
  let nextGt = -1;
  for (let lt = xml.indexOf('<'); lt !== -1; lt = xml.indexOf('<', i)) {
    if (lt > i) out.push(xml.slice(i, lt));
    const opaque = OPAQUE.find(([open]) => xml.startsWith(open, lt));
    if (opaque) {
      const end = xml.indexOf(opaque[1], lt + opaque[0].length);
      if (end === -1) {
        i = xml.length; // cut off inside it: leave it out
        break;
      }
      i = end + opaque[1].length;
      out.push(xml.slice(lt, i));
      continue;
    }
    TAG.lastIndex = lt;
    const m = TAG.exec(xml);
    if (!m) {
      // A `<` that starts no tag: text, unless the input ends inside a tag.
      if (nextGt < lt) nextGt = xml.indexOf('>', lt);
      if (nextGt === -1) {
        i = xml.length;
        break;
      }
      ctx.warn('stray-lt', "Read a '<' that starts no tag as text");
      out.push('&lt;');
      i = lt + 1;
      continue;
    }
    i = TAG.lastIndex;
    const name = m[2];
    const attrs = m[3];
    if (m[1]) closeTo(name, stack, out, ctx);
    else if (isHtmlField(name) && !attrs.endsWith('/')) {
      // HTML fields are read raw, as the parser does: their markup is content, not structure.
      const end = rawEnd(xml, i, name);
      out.push(m[0], escapeStrayLt(xml.slice(i, end.contentEnd), ctx), `</${name}>`);
      i = end.next;
    } else {
      const top = stack[stack.length - 1];
      if (top !== undefined && isLeaf(top)) {
        // A text-only element cannot contain elements: it was left open.
        stack.pop();
        ctx.warn('unclosed-tag', `Closed a <${top}> that was left open`);
        out.push(`</${top}>`);
      }
      out.push(m[0]);
      if (!attrs.endsWith('/')) stack.push(name);
    }
  }
  if (i < xml.length) out.push(xml.slice(i));
  if (stack.length > 0 && !ctx.has('truncated')) {
    ctx.warn('unclosed-end', 'The feed ends before closing its elements: closed them');
  }
  while (stack.length > 0) out.push(`</${stack.pop() as string}>`);
  return out.join('');
}

function closeTo(name: string, stack: string[], out: string[], ctx: ParseContext): void {
  const at = stack.lastIndexOf(name);
  if (at === -1) {
    ctx.warn('stray-close', `Dropped a closing </${name}> that had no opening tag`);
    return;
  }
  while (stack.length - 1 > at) {
    const left = stack.pop() as string;
    ctx.warn('unclosed-tag', `Closed a <${left}> that was left open`);
    out.push(`</${left}>`);
  }
  stack.pop();
  out.push(`</${name}>`);
}

/**
 * Show notes are read raw, but fast-xml-parser still scans them for tags, and a `<` that starts
 * none ("a < b", "<3") makes it lose the element's end and with it the whole episode. Those become
 * `&lt;`, which the notes decode back to `<`; tags, comments and CDATA are kept as they are.
 */
function escapeStrayLt(content: string, ctx: ParseContext): string {
  let lt = content.indexOf('<');
  if (lt === -1) return content;
  let out = '';
  let from = 0;
  while (lt !== -1) {
    let next = lt + 1;
    const opaque = OPAQUE.find(([open]) => content.startsWith(open, lt));
    if (opaque) {
      const end = content.indexOf(opaque[1], lt + opaque[0].length);
      next = end === -1 ? content.length : end + opaque[1].length;
    } else {
      TAG.lastIndex = lt;
      if (TAG.test(content)) next = TAG.lastIndex;
      else {
        ctx.warn('stray-lt', "Read a '<' that starts no tag as text");
        out += content.slice(from, lt) + '&lt;';
        from = lt + 1;
      }
    }
    lt = content.indexOf('<', next);
  }
  return out + content.slice(from);
}

/** End of a raw element's content (CDATA skipped) and where parsing resumes after its close tag. */
function rawEnd(xml: string, from: number, name: string): { contentEnd: number; next: number } {
  const close = `</${name}`;
  let end = xml.indexOf(close, from);
  for (let cdata = xml.indexOf('<![CDATA[', from); end !== -1 && cdata !== -1 && cdata < end;) {
    const cdataEnd = xml.indexOf(']]>', cdata + 9);
    if (cdataEnd === -1) return { contentEnd: xml.length, next: xml.length };
    if (cdataEnd + 3 > end) end = xml.indexOf(close, cdataEnd + 3);
    cdata = xml.indexOf('<![CDATA[', cdataEnd + 3);
  }
  if (end === -1) return { contentEnd: xml.length, next: xml.length };
  const gt = xml.indexOf('>', end);
  return { contentEnd: end, next: gt === -1 ? xml.length : gt + 1 };
}
