/**
 * Proxy throughput and memory: a 100 MB enclosure fetched straight from the fixture server vs
 * through /api/audio, and the server's RSS before, during and after the transfer. The server and
 * the fixture server each run in their own process, so the RSS read from /proc is the server's alone.
 */
import { startChild } from './child';
import { readFileSync } from 'node:fs';
import { request } from 'undici';

const SIZE = Number(process.env.BENCH_PROXY_MB ?? 100) * 1024 * 1024;
const RUNS = 3;

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** Downloads `url` and throws the bytes away; returns seconds taken. */
async function download(url: string): Promise<number> {
  const started = performance.now();
  // As the app's own page asks: the origin gate serves only same-origin requests.
  const res = await request(url, { headers: { 'sec-fetch-site': 'same-origin' } });
  if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
  let bytes = 0;
  for await (const chunk of res.body as AsyncIterable<Buffer>) bytes += chunk.length;
  if (bytes !== SIZE) throw new Error(`${url} gave ${bytes} bytes, expected ${SIZE}`);
  return (performance.now() - started) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mbps = (s: number) => SIZE / 1024 / 1024 / s;

export async function run(): Promise<string> {
  const fixture = await startChild('tests/fixtures/fixture-server.ts', ['0'], {}, /fixture server at (http:\/\/127\.0\.0\.1:(\d+))/);
  const origin = fixture.match[1];
  const server = await startChild(
    'server/index.ts',
    [],
    {
      HOST: '127.0.0.1',
      PORT: '0',
      HOPCAST_PROXY_ALLOW: `127.0.0.1:${fixture.match[2]}`,
      HOPCAST_RATE_LIMIT: '100000',
      // Throughput, not fair share, is measured here: no per-client pacing.
      HOPCAST_CLIENT_BYTES_PER_MINUTE: String(1024 ** 4),
      HOPCAST_DIST_DIR: '/nonexistent-hopcast-dist',
    },
    /running at (http:\/\/\S+)/,
  );
  const serverPid = server.child.pid!;
  try {
    const direct = `${origin}/big/${SIZE}.mp3`;
    const proxied = `${server.match[1]}/api/audio?url=${encodeURIComponent(direct)}`;
    await download(direct); // the fixture builds its 100 MB buffer once
    await request(`${server.match[1]}/api/health`).then((r) => r.body.dump());
    const rssBefore = rssMiB(serverPid);

    const directTimes: number[] = [];
    const proxyTimes: number[] = [];
    const runPeaks: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      directTimes.push(await download(direct));
      let peak = rssMiB(serverPid);
      const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(serverPid))), 20);
      try {
        proxyTimes.push(await download(proxied));
      } finally {
        clearInterval(sampler);
      }
      runPeaks.push(peak);
    }
    const rssPeak = Math.max(...runPeaks);
    const rssAfter = rssMiB(serverPid);
    const d = median(directTimes);
    const p = median(proxyTimes);
    return [
      `proxy: ${RUNS} × ${SIZE / 1024 / 1024} MB via GET /api/audio vs direct from the fixture server (median)`,
      `  direct  ${mbps(d).toFixed(0)} MB/s (${d.toFixed(2)} s)`,
      `  proxied ${mbps(p).toFixed(0)} MB/s (${p.toFixed(2)} s)`,
      `  ratio proxied/direct throughput: ${(d / p).toFixed(2)}`,
      `  server RSS: before ${rssBefore.toFixed(1)} MiB, peak during ${rssPeak.toFixed(1)} MiB (+${(rssPeak - rssBefore).toFixed(1)}), after ${rssAfter.toFixed(1)} MiB`,
      `  peak per run: ${runPeaks.map((p) => p.toFixed(1)).join(', ')} MiB (${SIZE / 1024 / 1024} MB each: a copy of the file would add that much)`,
    ].join('\n');
  } finally {
    server.child.kill('SIGTERM');
    fixture.child.kill('SIGTERM');
  }
}
