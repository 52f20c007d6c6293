import { useState } from 'preact/hooks';

/** Episode or show artwork; the app icon stands in when there is none or it fails to load. */
export function Artwork({ src, size, class: className = '' }: { src: string | null; size: number; class?: string }) {
  const [failed, setFailed] = useState<string | null>(null);
  const usable = src && failed !== src ? src : null;
  return (
    <div class={`artwork ${className}`} style={{ width: `${size}px`, height: `${size}px` }}>
      {usable ? (
        <img src={usable} alt="" width={size} height={size} decoding="async" referrerpolicy="no-referrer" onError={() => setFailed(usable)} />
      ) : (
        <img src="/icons/icon.svg" alt="" width={size} height={size} class="artwork-fallback" />
      )}
    </div>
  );
}
