import { useState } from 'preact/hooks';

function initials(title: string): string {
  const words = title.replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter(Boolean);
  return (words.length > 1 ? words[0][0] + words[1][0] : (words[0] ?? '?').slice(0, 2)).toUpperCase();
}

/** A show's artwork, or its initials on a tinted square when there is none or it fails to load. */
export function Artwork({ src, title, size }: { src: string | null; title: string; size: number }) {
  const [failed, setFailed] = useState(false);
  const usable = src && /^https?:\/\//i.test(src) && !failed;
  return (
    <div class="artwork" style={{ width: `${size}px`, height: `${size}px` }} aria-hidden="true">
      {usable ? (
        <img src={src} alt="" width={size} height={size} loading="lazy" decoding="async" referrerpolicy="no-referrer" onError={() => setFailed(true)} />
      ) : (
        <span class="artwork-fallback" style={{ fontSize: `${Math.round(size / 3)}px` }}>
          {initials(title)}
        </span>
      )}
    </div>
  );
}
