import type { Podcast } from '../../core/types';
import { showToast } from '../../state/toast';
import { showHref } from './ShowCard';

/** A visible confirmation with a way straight to the show: a new one may land out of sight. */
export function announceSubscribed(podcast: Podcast, existed: boolean, route: (href: string) => void): void {
  showToast(existed ? `You already follow ${podcast.title}.` : `Subscribed to ${podcast.title}.`, {
    label: 'Open',
    run: () => route(showHref(podcast.id)),
  });
}
