import type { ParseContext } from './context';

/** Where each item's raw text sits in the document, and what lies outside the items. */
export interface Split {
  starts: number[];
  ends: number[];
  /** Document text without the items: the channel's own elements. */
  channelXml: string;
}

const patterns: Record<string, RegExp> = {};

function patternFor(tag: string): RegExp {
  return (patterns[tag] ??= new RegExp(`<!\\[CDATA\\[|<!--|<(/?)${tag}(?=[\\s>/])`, 'g'));
}

/**
 * Cuts the document into items with one regex pass (CDATA and comments skipped), without parsing
 * them: that is what lets a refresh fingerprint every item and parse only the changed ones. An
 * item left open is closed at the next item or the channel's end; an item cut off by the end of
 * the file is dropped, since its last fields are missing.
 */
export function splitItems(text: string, rootStart: number, tag: string, ctx: ParseContext): Split {
  const re = patternFor(tag);
  const starts: number[] = [];
  const ends: number[] = [];
  const outside: string[] = [];
  let open = -1;
  let outsideFrom = rootStart;
  let truncated = false;
  re.lastIndex = rootStart;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index;
    const lead = text.charCodeAt(at + 2);
    if (lead === 91 /* [ */ || lead === 45 /* - */) {
      const close = text.indexOf(lead === 91 ? ']]>' : '-->', at + 4);
      if (close === -1) {
        truncated = true;
        break;
      }
      re.lastIndex = close + 3;
      continue;
    }
    const tagEnd = text.indexOf('>', at);
    if (tagEnd === -1) {
      truncated = true;
      break;
    }
    if (m[1]) {
      if (open !== -1) {
        starts.push(open);
        ends.push(tagEnd + 1);
        outsideFrom = tagEnd + 1;
        open = -1;
      }
    } else {
      if (open !== -1) {
        ctx.warn('unclosed-item', `Closed an <${tag}> that was never closed`);
        starts.push(open);
        ends.push(at);
        outsideFrom = at;
        open = -1;
      }
      if (text.charCodeAt(tagEnd - 1) === 47 /* / */) continue; // <item/> holds nothing
      if (at > outsideFrom) outside.push(text.slice(outsideFrom, at));
      open = at;
    }
    re.lastIndex = tagEnd + 1;
  }
  if (open !== -1) {
    const channelEnd = findChannelEnd(text, open);
    if (channelEnd !== -1 && !truncated) {
      ctx.warn('unclosed-item', `Closed an <${tag}> that was never closed`);
      starts.push(open);
      ends.push(channelEnd);
      outsideFrom = channelEnd;
    } else {
      truncated = true;
      outsideFrom = text.length;
    }
  }
  if (truncated) {
    ctx.warn('truncated', 'The feed is cut off: kept the complete episodes before the cut');
  }
  if (outsideFrom < text.length) outside.push(text.slice(outsideFrom));
  return { starts, ends, channelXml: outside.join('') };
}

function findChannelEnd(text: string, from: number): number {
  const m = /<\/(channel|feed|rss|(?:[\w.-]+:)?RDF)\s*>/.exec(text.slice(from));
  return m ? from + m.index : -1;
}
