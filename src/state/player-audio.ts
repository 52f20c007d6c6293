/**
 * The app's one <audio> element. It is created once and never replaced: iOS only keeps playing in
 * the background (and keeps lock-screen controls) for an element that carries on, and Web Audio
 * would stop with the page.
 */
let element: HTMLAudioElement | null = null;
let unlocked = false;
/** True while the muted unlock play() is running; the player ignores its play/pause events. */
export let unlocking = false;
let restoreMuted = false;

export function audioElement(): HTMLAudioElement {
  if (!element) {
    element = document.createElement('audio');
    element.preload = 'metadata';
    element.setAttribute('aria-hidden', 'true');
    element.hidden = true;
    document.body.append(element);
  }
  return element;
}

/**
 * Call synchronously inside a user gesture, before any await: WebKit lifts the element's
 * playback restriction on the first play() made during a gesture, so later programmatic play()
 * calls (after database reads, or when the next episode starts) are allowed. Only needed once.
 */
export function unlockAudio(): void {
  if (unlocked) return;
  unlocked = true;
  const el = audioElement();
  if (!el.paused) return;
  unlocking = true;
  restoreMuted = el.muted;
  el.muted = true;
  el.play().then(
    () => {
      if (unlocking) el.pause();
      endUnlock();
    },
    () => endUnlock(),
  );
}

/** The real play() is about to start: stop the unlock from pausing it. */
export function endUnlock(): void {
  if (!unlocking) return;
  unlocking = false;
  audioElement().muted = restoreMuted;
}

/** Buffered time ranges as plain pairs, for the seek bar. */
export function bufferedRanges(el: HTMLMediaElement): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < el.buffered.length; i++) out.push([el.buffered.start(i), el.buffered.end(i)]);
  return out;
}

/** The browser's view of the error, in words; the player refines it with a probe when it can. */
export function mediaErrorText(code: number | undefined): string {
  switch (code) {
    case 2: // MEDIA_ERR_NETWORK
      return 'The connection was lost while streaming. Press Play to try again.';
    case 3: // MEDIA_ERR_DECODE
      return 'The audio file is damaged or uses an encoding this browser cannot decode.';
    case 4: // MEDIA_ERR_SRC_NOT_SUPPORTED
      return 'This browser cannot play this audio file, or the file could not be loaded.';
    default:
      return 'Playback failed.';
  }
}
