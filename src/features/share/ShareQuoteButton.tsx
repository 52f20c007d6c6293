import { useState } from 'preact/hooks';
import { formatClock } from '../../core/time';
import { shareQuote, type Quote } from './share-quote';

/**
 * Shares a quote and keeps the words to announce. One hook per list, not per line: a transcript
 * has thousands of lines and each needs no live region of its own.
 */
export function useShareQuote(): { status: string; share: (quote: Quote) => Promise<void> } {
  const [status, setStatus] = useState('');
  const share = async (quote: Quote) => {
    try {
      const outcome = await shareQuote(quote);
      setStatus(outcome === 'copied' ? 'Quote and link copied.' : '');
    } catch {
      setStatus('Could not share or copy the quote.');
    }
  };
  return { status, share };
}

/** "Share quote": the line and a link that opens the episode at its moment. */
export function ShareQuoteButton({ quote, label = 'Share quote' }: { quote: Quote; label?: string }) {
  const { status, share } = useShareQuote();
  return (
    <>
      <button type="button" class="button button-small" aria-label={`${label} from ${formatClock(quote.seconds)} of ${quote.episodeTitle}`} onClick={() => void share(quote)}>
        {label}
      </button>
      <span class="share-status" role="status">
        {status}
      </span>
    </>
  );
}
