/**
 * `TextDecoder`, `TextEncoder` and `URL` exist in every runtime this module runs in (page, worker, SW, Node),
 * but core's tsconfig only has the ES library. Typed access through `globalThis` keeps core free
 * of DOM and Node typings without declaring globals that would clash with other projects.
 */
export interface TextDecoderLike {
  readonly encoding: string;
  decode(input: Uint8Array): string;
}

interface TextDecoderCtor {
  new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): TextDecoderLike;
}

export interface UrlLike {
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly search: string;
}

interface UrlCtor {
  new (url: string, base?: string): UrlLike;
}

interface TextEncoderCtor {
  new (): { encode(input: string): Uint8Array };
}

const g = globalThis as unknown as { TextDecoder: TextDecoderCtor; TextEncoder: TextEncoderCtor; URL: UrlCtor };

export function utf8Bytes(text: string): Uint8Array {
  return new g.TextEncoder().encode(text);
}

/** A decoder for `label`, or null when the runtime does not know that encoding. */
export function makeDecoder(label: string, fatal: boolean): TextDecoderLike | null {
  try {
    return new g.TextDecoder(label, { fatal, ignoreBOM: false });
  } catch {
    return null;
  }
}

/** `new URL(url, base)`, or null when it does not parse. */
export function parseUrl(url: string, base?: string): UrlLike | null {
  try {
    return new g.URL(url, base);
  } catch {
    return null;
  }
}
