import { signal, computed } from '@preact/signals';

/** Chromium's install event; not in TypeScript's DOM lib. */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

const BANNER_DISMISSED_KEY = 'hopcast.installBannerDismissed';

function detectStandalone(): boolean {
  if (typeof window === 'undefined') return false;
  const nav = navigator as Navigator & { standalone?: boolean };
  return window.matchMedia?.('(display-mode: standalone)').matches || nav.standalone === true;
}

/** iOS Safari has no install prompt: the app explains Share → Add to Home Screen instead. */
function detectIosSafari(): boolean {
  if (typeof navigator === 'undefined') return false;
  const ua = navigator.userAgent;
  const iOS = /iPad|iPhone|iPod/.test(ua) || (ua.includes('Macintosh') && navigator.maxTouchPoints > 1);
  return iOS && /Safari/.test(ua) && !/CriOS|FxiOS|EdgiOS/.test(ua);
}

const deferredPrompt = signal<BeforeInstallPromptEvent | null>(null);
export const isStandalone = signal(detectStandalone());
export const isIosSafari = signal(detectIosSafari());
export const installed = signal(false);
export const bannerDismissed = signal(readDismissed());

/** What the install UI can offer right now. */
export const installMode = computed<'prompt' | 'ios' | 'none'>(() => {
  if (isStandalone.value || installed.value) return 'none';
  if (deferredPrompt.value) return 'prompt';
  if (isIosSafari.value) return 'ios';
  return 'none';
});

/** The install banner is offered once, while installing is possible; dismissing it is remembered. */
export const installBannerWanted = computed(() => installMode.value !== 'none' && !bannerDismissed.value);

function readDismissed(): boolean {
  try {
    return localStorage.getItem(BANNER_DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

export function dismissInstallBanner(): void {
  bannerDismissed.value = true;
  try {
    localStorage.setItem(BANNER_DISMISSED_KEY, '1');
  } catch {
    // Private mode: the banner simply comes back next visit.
  }
}

export async function promptInstall(): Promise<'accepted' | 'dismissed' | 'unavailable'> {
  const event = deferredPrompt.value;
  if (!event) return 'unavailable';
  // A prompt event can be used once.
  deferredPrompt.value = null;
  await event.prompt();
  const { outcome } = await event.userChoice;
  if (outcome === 'accepted') installed.value = true;
  return outcome;
}

if (typeof window !== 'undefined') {
  window.addEventListener('beforeinstallprompt', (event) => {
    // Keep the browser's own mini-infobar away: our button and banner ask at a better moment.
    event.preventDefault();
    deferredPrompt.value = event as BeforeInstallPromptEvent;
  });
  window.addEventListener('appinstalled', () => {
    installed.value = true;
    deferredPrompt.value = null;
  });
  window.matchMedia?.('(display-mode: standalone)').addEventListener?.('change', (e) => (isStandalone.value = e.matches));
}
