import { Page } from '../../ui/Page';

export function ShowPage({ id }: { id: string }) {
  return (
    <Page title="Show" back="/">
      <p class="muted">Show {decodeURIComponent(id)}</p>
    </Page>
  );
}
