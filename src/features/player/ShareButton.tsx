import { useState } from 'preact/hooks';
import { formatClock } from '../../core/time';
import { currentEpisode, position } from '../../state/player';
import { PlayerIcon } from './PlayerIcon';
import { copyText } from '../share/share-quote';
import { episodeLinkAt } from './share-link';

/** Shares a link that opens this episode at the current time (Web Share, else the clipboard). */
export function ShareButton() {
  const [status, setStatus] = useState('');
  const ep = currentEpisode.value;
  if (!ep) return null;
  const share = async () => {
    const at = position.value;
    const url = episodeLinkAt(location.origin, ep.id, at);
    try {
      if (navigator.share) {
        await navigator.share({ title: ep.title, text: `${ep.title} at ${formatClock(at)}`, url });
        setStatus('');
        return;
      }
      await copyText(url);
      setStatus(`Link to ${formatClock(at)} copied.`);
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') return;
      setStatus(`Could not share. The link is ${url}`);
    }
  };
  return (
    <div class="player-share">
      <button type="button" class="button button-small" onClick={() => void share()}>
        <PlayerIcon name="share" size={18} />
        Share at current time
      </button>
      <span class="share-status" role="status">
        {status}
      </span>
    </div>
  );
}
