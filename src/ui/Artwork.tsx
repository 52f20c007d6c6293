import { useState } from 'preact/hooks';
import styles from './Artwork.module.css';

function initials(title: string): string {
  const words = title
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  return (words.length > 1 ? words[0][0] + words[1][0] : (words[0] ?? '?').slice(0, 2)).toUpperCase();
}

interface ArtworkProps {
  /** From a feed: anything but an http(s) address is ignored. */
  src: string | null | undefined;
  /** The show's (or episode's) title, for the initials shown when there is no usable image. */
  title: string;
  size: number;
  /** The parent's own class, for where it places or resizes the artwork. */
  class?: string;
}

/**
 * The one artwork component: a show's or episode's image, or its initials on a tinted square when
 * there is none or it fails to load. Decorative (the title is always next to it), so hidden from
 * assistive technology; the image never sends a referrer to the artwork host.
 */
export function Artwork({ src, title, size, class: className }: ArtworkProps) {
  // Remembering which address failed lets a new src (the next chapter's image) try again.
  const [failed, setFailed] = useState<string | null>(null);
  const usable = src && /^https?:\/\//i.test(src) && failed !== src ? src : null;
  return (
    <div class={className ? `${styles.artwork} ${className}` : styles.artwork} style={{ width: `${size}px`, height: `${size}px` }} aria-hidden="true">
      {usable ? (
        <img src={usable} alt="" width={size} height={size} loading="lazy" decoding="async" referrerpolicy="no-referrer" onError={() => setFailed(usable)} />
      ) : (
        <span class={styles.fallback} style={{ fontSize: `${Math.round(size / 3)}px` }}>
          {initials(title)}
        </span>
      )}
    </div>
  );
}
