/**
 * How directory requests (Apple search and lookup) go out: the runtime's fetch on the edge; on Node
 * undici's, which also honours the test-only `dispatcher` seam (the e2e's simulated network).
 */
export type DirectoryFetch = (url: URL, init: { headers: Record<string, string>; signal: AbortSignal }) => Promise<Response>;
