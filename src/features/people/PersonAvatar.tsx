import { httpUrl } from '../episode-page/safe-url';

/** A person's picture from the feed, or their initial when there is none. */
export function PersonAvatar({ name, img, size }: { name: string; img: string | null; size: number }) {
  const src = httpUrl(img);
  const style = { width: `${size}px`, height: `${size}px` };
  return src ? (
    <img class="person-avatar" src={src} alt="" width={size} height={size} style={style} loading="lazy" decoding="async" referrerpolicy="no-referrer" />
  ) : (
    <span class="person-avatar person-avatar-initial" style={style} aria-hidden="true">
      {name.trim().charAt(0).toUpperCase()}
    </span>
  );
}
