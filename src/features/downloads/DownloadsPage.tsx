import { Page } from '../../ui/Page';

export function DownloadsPage() {
  return (
    <Page title="Downloads">
      <p class="muted">Downloads comes with its issue.</p>
    </Page>
  );
}
