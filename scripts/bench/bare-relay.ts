/**
 * The ceiling for any relay on this machine: undici's request() piped straight into node:http's
 * response, with none of the proxy's guards (no address checks, no slots, no floor, no pacing).
 * The proxy bench runs it beside the real server so its ratio to direct shows what a hop costs here
 * whatever the relay does. Bench-only: it would be an open proxy anywhere else.
 */
import http from 'node:http';
import { pipeline } from 'node:stream/promises';
import { Agent, request } from 'undici';

const agent = new Agent();
const server = http.createServer((req, res) => {
  const target = new URL(req.url ?? '/', 'http://bench').searchParams.get('url') ?? '';
  request(target, { dispatcher: agent })
    .then((up) => {
      const length = up.headers['content-length'];
      res.writeHead(up.statusCode, typeof length === 'string' ? { 'content-length': length } : {});
      return pipeline(up.body, res);
    })
    .catch(() => res.destroy());
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.log(`bare relay at http://127.0.0.1:${address.port}`);
});
