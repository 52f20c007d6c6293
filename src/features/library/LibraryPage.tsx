import { Page } from '../../ui/Page';

export function LibraryPage() {
  return (
    <Page title="Library">
      <p class="muted">Library comes with its issue.</p>
    </Page>
  );
}
