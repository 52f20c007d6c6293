import type { ParseContext } from './context';

const TOKEN =
  /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<![A-Za-z][^>]*>|<(\/?)([A-Za-z_][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

/**
 * Rewrites a fragment of broken XML into a balanced one, the way HTML parsers recover: a closing
 * tag that skips open elements closes them, a closing tag with no opener is dropped, a `<` that
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
    } else {
      out.push(m[0]);
      if (!attrs.endsWith('/')) stack.push(name);
    }
  }
  const rest = xml.slice(last);
  const cut = rest.indexOf('<');
  out.push(escapeStrayLt(cut === -1 ? rest : rest.slice(0, cut)));
  while (stack.length > 0) out.push(`</${stack.pop() as string}>`);
  return out.join('');
}

function escapeStrayLt(text: string): string {
  return text.indexOf('<') === -1 ? text : text.replace(/</g, '&lt;');
}
