import { useState } from 'preact/hooks';
import { formatClock } from '../../core/time';
import { currentEpisode, position } from '../../state/player';
import { PlayerIcon } from './PlayerIcon';
import { episodeLinkAt } from './share-link';

async function copy(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Older browsers and insecure contexts: the selection-copy fallback.
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the fallback where navigator.clipboard is missing (plain http, old WebViews)
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy refused');
}

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
      await copy(url);
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
