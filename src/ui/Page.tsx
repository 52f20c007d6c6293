import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';

/** A screen: its heading (also the document title) and optional actions on the right. */
export function Page({ title, actions, children, back }: { title: string; actions?: ComponentChildren; children: ComponentChildren; back?: string }) {
  useEffect(() => {
    document.title = title === 'Hopcast' ? 'Hopcast' : `${title} · Hopcast`;
  }, [title]);
  return (
    <section class="page">
      <header class="page-header">
        {back && (
          <a class="back-link" href={back} aria-label="Back">
            ‹
          </a>
        )}
        <h1 class="page-title">{title}</h1>
        {actions && <div class="page-actions">{actions}</div>}
      </header>
      <div class="page-body">{children}</div>
    </section>
  );
}
