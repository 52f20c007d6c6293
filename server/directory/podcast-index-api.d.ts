/** The parts of podcast-index-api (untyped CommonJS) Hopcast uses. */
declare module 'podcast-index-api' {
  interface GotLikeResponse {
    statusCode: number;
    body: unknown;
  }
  interface CancelablePromise<T> extends Promise<T> {
    cancel(reason?: string): void;
  }
  interface PodcastIndexClient {
    /** The library's got instance, with its auth headers added to every request. */
    api(path: string, options?: { timeout?: { request?: number }; retry?: { limit: number } }): CancelablePromise<GotLikeResponse>;
  }
  function makeClient(key: string, secret: string, userAgent?: string): PodcastIndexClient;
  export default makeClient;
}
