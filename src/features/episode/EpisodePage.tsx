import { Page } from '../../ui/Page';

export function EpisodePage({ id }: { id: string }) {
  return (
    <Page title="Episode" back="/">
      <p class="muted">Episode {decodeURIComponent(id)}</p>
    </Page>
  );
}
