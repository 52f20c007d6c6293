/** The searchable lines of any transcript: timed cues as they are; untimed text by paragraph. */
import type { TranscriptDoc } from '../transcripts';

export interface Line {
  /** Seconds; -1 when the transcript has no times. */
  start: number;
  text: string;
  speaker: string | null;
}

const MAX_LINE = 2000;

function paragraphs(text: string): Line[] {
  return text
    .split(/\n\s*\n|\r\n\s*\r\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((p) => ({ start: -1, text: p.slice(0, MAX_LINE), speaker: null }));
}

/** HTML transcripts lose their markup here: the index needs words, never tags. */
function htmlText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/(p|div|li|h\d)>|<br\s*\/?>/gi, '\n\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'");
}

export function transcriptLines(doc: TranscriptDoc): Line[] {
  switch (doc.kind) {
    case 'cues':
      return doc.cues.map((c) => ({ start: c.start, text: c.text, speaker: c.speaker }));
    case 'text':
      return paragraphs(doc.text);
    case 'html':
      return paragraphs(htmlText(doc.html));
  }
}
