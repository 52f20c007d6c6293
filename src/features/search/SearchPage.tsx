import { Page } from '../../ui/Page';

export function SearchPage() {
  return (
    <Page title="Search">
      <p class="muted">Search comes with its issue.</p>
    </Page>
  );
}
