import { exportOpml } from '../../state/opml';

/** Saves the followed shows as an OPML file through the browser's download. */
export function saveOpmlFile(): void {
  const blob = new Blob([exportOpml()], { type: 'text/x-opml' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `hopcast-subscriptions-${new Date().toISOString().slice(0, 10)}.opml`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
