/**
 * The slice of the Background Fetch API (WICG, Chromium only) that Hopcast uses; TypeScript's
 * DOM library does not describe it.
 */
export interface BgFetchRegistration extends EventTarget {
  readonly id: string;
  readonly downloadTotal: number;
  readonly downloaded: number;
  readonly result: '' | 'success' | 'failure';
  readonly failureReason: string;
  abort(): Promise<boolean>;
}

export interface BgFetchManager {
  fetch(
    id: string,
    requests: RequestInfo | RequestInfo[],
    options?: { title?: string; icons?: Array<{ src: string; sizes?: string; type?: string }>; downloadTotal?: number },
  ): Promise<BgFetchRegistration>;
  get(id: string): Promise<BgFetchRegistration | undefined>;
  getIds(): Promise<string[]>;
}

export type RegistrationWithBgFetch = ServiceWorkerRegistration & { backgroundFetch?: BgFetchManager };
