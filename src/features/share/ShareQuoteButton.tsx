import { useState } from 'preact/hooks';
import { formatClock } from '../../core/time';
import { shareQuote, type Quote } from './share-quote';

/** "Share quote": the line and a link that opens the episode at its moment. */
export function ShareQuoteButton({ quote, label = 'Share quote' }: { quote: Quote; label?: string }) {
  const [status, setStatus] = useState('');
  const share = async () => {
    try {
      const outcome = await shareQuote(quote);
      setStatus(outcome === 'copied' ? 'Quote and link copied.' : '');
    } catch {
      setStatus('Could not share or copy the quote.');
    }
  };
  return (
    <>
      <button type="button" class="button button-small" aria-label={`${label} from ${formatClock(quote.seconds)} of ${quote.episodeTitle}`} onClick={() => void share()}>
        {label}
      </button>
      <span class="share-status" role="status">
        {status}
      </span>
    </>
  );
}
