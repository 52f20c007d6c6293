import { Page } from '../ui/Page';

export function NotFound() {
  return (
    <Page title="Not found">
      <p>There is nothing at this address.</p>
      <p>
        <a href="/">Go to your library</a>
      </p>
    </Page>
  );
}
