import type { FunctionComponent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { retryDefaultShow } from '../../state/library-actions';
import type { DefaultShowIssue } from '../../state/first-run-status';
import { humanizeMessage } from '../../state/errors';
import { HumanErrorText } from '../../ui/HumanErrorText';
import { Artwork } from '../../ui/Artwork';
import { ShowPlaceholder } from './ShowPlaceholder';
import type { DefaultShowDetails } from './DefaultShowDetails';

type DetailsCard = FunctionComponent<Parameters<typeof DefaultShowDetails>[0]>;

/**
 * A default show that could not be followed. It stays a tile in its placeholder's slot, the same
 * size (nothing on the page moves when a lookup fails), with the reason and Retry; Details opens
 * the full card (what was tried, paste an address, dismiss) at the user's request; its code loads
 * then, out of the app shell.
 */
export function DefaultShowCard({ issue }: { issue: DefaultShowIssue }) {
  const [Details, setDetails] = useState<DetailsCard | null>(null);
  const [closed, setClosed] = useState(false);
  const detailsButton = useRef<HTMLButtonElement>(null);
  // Closing the card removes the button that had focus: keyboard users go back to the one that opened it.
  useEffect(() => {
    if (closed && !Details) detailsButton.current?.focus();
  }, [closed, Details]);
  if (issue.status === 'working') return <ShowPlaceholder title={issue.title} />;
  if (Details)
    return (
      <Details
        issue={issue}
        onClose={() => {
          setDetails(null);
          setClosed(true);
        }}
      />
    );
  const open = () => void import('./DefaultShowDetails').then((m) => setDetails(() => m.DefaultShowDetails)).catch((err: unknown) => console.error('The details could not be loaded', err));
  return (
    <li class="show-card default-show-tile" aria-label={issue.title}>
      <div class="show-card-art">
        <Artwork src={null} title={issue.title} size={160} class="show-card-artwork" />
        <div class="default-show-tile-actions">
          <button type="button" class="button button-small" onClick={() => void retryDefaultShow(issue.key)} aria-label={`Retry ${issue.title}`}>
            Retry
          </button>
          <button ref={detailsButton} type="button" class="button button-small" aria-expanded="false" onClick={open} aria-label={`Details for ${issue.title}`}>
            Details
          </button>
        </div>
      </div>
      <span class="show-card-title">{issue.title}</span>
      {/* Two lines, where a show card has its unplayed count and status: the tile keeps its height. */}
      <HumanErrorText class="default-show-tile-reason error-text" {...humanizeMessage(issue.message)} />
    </li>
  );
}
