/**
 * Every way a proxied fetch can fail, as the HTTP status and stable code the API answers with.
 * The message is written for people: the app shows it as it is.
 */
export type ProxyStatus = 400 | 403 | 413 | 429 | 502 | 504;

export class ProxyError extends Error {
  override readonly name = 'ProxyError';
  constructor(
    readonly status: ProxyStatus,
    readonly code: string,
    message: string,
    /** The upstream's own status, when it answered with one we cannot pass on. */
    readonly upstreamStatus?: number,
  ) {
    super(message);
  }
}

interface CodedError {
  code?: string;
  name?: string;
  message?: string;
  cause?: unknown;
}

/** Turns whatever undici, node:net, node:tls or zlib threw into a ProxyError. */
export function toProxyError(err: unknown, host: string): ProxyError {
  if (err instanceof ProxyError) return err;
  const e = (err ?? {}) as CodedError;
  if (e.cause instanceof ProxyError) return e.cause;
  const code = e.code ?? (e.cause as CodedError | undefined)?.code ?? '';
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new ProxyError(504, 'connect_timeout', `${host} did not accept a connection in time`);
    case 'UND_ERR_HEADERS_TIMEOUT':
      return new ProxyError(504, 'timeout', `${host} did not answer in time`);
    case 'UND_ERR_BODY_TIMEOUT':
      return new ProxyError(504, 'timeout', `${host} stopped sending data`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NODATA':
    case 'EAI_NONAME':
      return new ProxyError(502, 'dns_failed', `The host ${host} could not be found`);
    case 'ECONNREFUSED':
      return new ProxyError(502, 'connection_refused', `${host} refused the connection`);
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return new ProxyError(502, 'connection_lost', `The connection to ${host} was cut off`);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new ProxyError(502, 'unreachable', `${host} cannot be reached from the server`);
  }
  if (code.startsWith('ERR_TLS') || code.startsWith('CERT_') || code.includes('SSL') || code === 'DEPTH_ZERO_SELF_SIGNED_CERT') {
    return new ProxyError(502, 'tls_error', `The secure connection to ${host} failed (${code})`);
  }
  // zlib says Z_DATA_ERROR and friends; its brotli decoder says ERR__ERROR_FORMAT_PADDING_2 and the like.
  if (code.startsWith('Z_') || code.startsWith('ERR__') || code.startsWith('ERR_BROTLI')) {
    return new ProxyError(502, 'bad_encoding', `${host} sent a compressed body that could not be decoded`);
  }
  return new ProxyError(502, 'upstream_error', `Fetching from ${host} failed${e.message ? `: ${withoutAddresses(e.message)}` : ''}`);
}

/** Reason phrases for the statuses a refusal names; node:http's table is not on every runtime. */
const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  418: "I'm a Teapot",
  429: 'Too Many Requests',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function statusText(status: number): string {
  return STATUS_TEXT[status] ?? 'unknown status';
}

/**
 * A library's error text may name the address a host resolved to ("connect ETIMEDOUT 10.1.2.3:80");
 * refusals and failures never echo those, or the messages would map the server's network.
 */
export function withoutAddresses(text: string): string {
  return text.replace(/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, '[address]').replace(/\[?\b(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}\b\]?(?::\d+)?/gi, '[address]');
}
