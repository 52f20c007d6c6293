import { segments, type Range } from '../../core/search/highlight';

/** Text with the matched words in <mark>. */
export function Highlighted({ text, ranges }: { text: string; ranges: readonly Range[] }) {
  if (ranges.length === 0) return <>{text}</>;
  return <>{segments(text, ranges).map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : s.text))}</>;
}
