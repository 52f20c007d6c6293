import type { ParseContext } from './context';
import { isHtmlField, isLeaf } from './xml';

const TOKEN =
  /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<![A-Za-z][^>]*>|<(\/?)([A-Za-z_][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

/**
 * Rewrites a fragment of broken XML into a balanced one, the way HTML parsers recover: a closing
 * tag that skips open elements closes them, a closing tag with no opener is dropped, an element
 * opening inside a text-only one (title, guid, itunes:block…) closes that one first, a `<` that
 * starts no tag becomes text, and whatever the end of the input cut in half is left out. Used only
 * when fast-xml-parser rejects a fragment or its structure came out wrong.
 */
export function balanceXml(xml: string, ctx: ParseContext): string {
  const out: string[] = [];
  const stack: string[] = [];
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(xml); m; m = TOKEN.exec(xml)) {
    if (m.index > last) out.push(escapeStrayLt(xml.slice(last, m.index)));
    last = TOKEN.lastIndex;
    const name = m[2];
    if (name === undefined) {
      out.push(m[0]);
      continue;
    }
    const attrs = m[3] as string;
    if (m[1]) {
      const at = stack.lastIndexOf(name);
      if (at === -1) {
        ctx.warn('stray-close', `Dropped a closing </${name}> that had no opening tag`);
        continue;
      }
      while (stack.length - 1 > at) {
        const left = stack.pop() as string;
        ctx.warn('unclosed-tag', `Closed a <${left}> that was left open`);
        out.push(`</${left}>`);
      }
      stack.pop();
      out.push(`</${name}>`);
    } else if (isHtmlField(name) && !attrs.endsWith('/')) {
      // HTML fields are read raw, as the parser does: their markup is content, not structure.
      const end = rawEnd(xml, TOKEN.lastIndex, name);
      out.push(m[0], xml.slice(TOKEN.lastIndex, end.contentEnd), `</${name}>`);
      TOKEN.lastIndex = last = end.next;
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
  const rest = xml.slice(last);
  const cut = rest.indexOf('<');
  out.push(escapeStrayLt(cut === -1 ? rest : rest.slice(0, cut)));
  if (stack.length > 0 && !ctx.has('truncated')) {
    ctx.warn('unclosed-end', 'The feed ends before closing its elements: closed them');
  }
  while (stack.length > 0) out.push(`</${stack.pop() as string}>`);
  return out.join('');
}

/** End of a raw element's content (CDATA skipped) and where parsing resumes after its close tag. */
function rawEnd(xml: string, from: number, name: string): { contentEnd: number; next: number } {
  const close = `</${name}`;
  let i = from;
  for (;;) {
    const cdata = xml.indexOf('<![CDATA[', i);
    const end = xml.indexOf(close, i);
    if (end === -1) return { contentEnd: xml.length, next: xml.length };
    if (cdata !== -1 && cdata < end) {
      const cdataEnd = xml.indexOf(']]>', cdata + 9);
      if (cdataEnd === -1) return { contentEnd: xml.length, next: xml.length };
      i = cdataEnd + 3;
      continue;
    }
    const gt = xml.indexOf('>', end);
    return { contentEnd: end, next: gt === -1 ? xml.length : gt + 1 };
  }
}

function escapeStrayLt(text: string): string {
  return text.indexOf('<') === -1 ? text : text.replace(/</g, '&lt;');
}
