import { Page } from '../../ui/Page';

export function QueuePage() {
  return (
    <Page title="Queue">
      <p class="muted">Queue comes with its issue.</p>
    </Page>
  );
}
