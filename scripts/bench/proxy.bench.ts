/**
 * Proxy throughput and memory: a 100 MB enclosure fetched straight from the fixture server vs
 * through /api/audio (5 runs, best and median), the server's CPU time and RSS per transfer, and in
 * the same run the same file through a bare 20-line relay (bare-relay.ts): on a loopback with no link
 * limit a hop costs CPU the direct fetch does not spend, so the bare relay shows the ceiling any relay
 * reaches on this machine. The server, the bare relay and the fixture server each run in their own
 * process, so what /proc says of each is its own.
 */
import { startChild } from './child';
import { readFileSync } from 'node:fs';
import { request } from 'undici';

const SIZE = Number(process.env.BENCH_PROXY_MB ?? 100) * 1024 * 1024;
const RUNS = 5;

/** User + system CPU seconds the process has used (clock ticks are 1/100 s on Linux). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** Downloads `url` and throws the bytes away; returns seconds taken. */
async function download(url: string, size = SIZE): Promise<number> {
  const started = performance.now();
  // As the app's own page asks: the origin gate serves only same-origin requests.
  const res = await request(url, { headers: { 'sec-fetch-site': 'same-origin' } });
  if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
  let bytes = 0;
  for await (const chunk of res.body as AsyncIterable<Buffer>) bytes += chunk.length;
  if (bytes !== size) throw new Error(`${url} gave ${bytes} bytes, expected ${size}`);
  return (performance.now() - started) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const best = (xs: number[]) => Math.min(...xs);
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
  const bare = await startChild('scripts/bench/bare-relay.ts', [], {}, /bare relay at (http:\/\/\S+)/);
  const serverPid = server.child.pid!;
  const barePid = bare.child.pid!;
  try {
    const direct = `${origin}/big/${SIZE}.mp3`;
    const proxied = `${server.match[1]}/api/audio?url=${encodeURIComponent(direct)}`;
    const bareUrl = `${bare.match[1]}/?url=${encodeURIComponent(direct)}`;
    await download(direct); // the fixture builds its 100 MB buffer once
    await download(bareUrl);
    await request(`${server.match[1]}/api/health`).then((r) => r.body.dump());
    const rssBefore = rssMiB(serverPid);

    const directTimes: number[] = [];
    const proxyTimes: number[] = [];
    const bareTimes: number[] = [];
    const proxyCpu: number[] = [];
    const bareCpu: number[] = [];
    const runPeaks: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      directTimes.push(await download(direct));
      let cpu = cpuSeconds(barePid);
      bareTimes.push(await download(bareUrl));
      bareCpu.push(cpuSeconds(barePid) - cpu);
      cpu = cpuSeconds(serverPid);
      let peak = rssMiB(serverPid);
      const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(serverPid))), 20);
      try {
        proxyTimes.push(await download(proxied));
      } finally {
        clearInterval(sampler);
      }
      proxyCpu.push(cpuSeconds(serverPid) - cpu);
      runPeaks.push(peak);
    }
    // A host at a real link's pace (the fixture waits 1 ms after each 64 KiB: about 50 MB/s, 400 Mbit/s):
    // what a listener sees, where the hop's CPU cost is hidden behind the link.
    const LINK_SIZE = 30 * 1024 * 1024;
    const paced = `${origin}/o/slow=1/big/${LINK_SIZE}.mp3`;
    const pacedProxied = `${server.match[1]}/api/audio?url=${encodeURIComponent(paced)}`;
    const linkDirect: number[] = [];
    const linkProxied: number[] = [];
    for (let i = 0; i < 3; i++) {
      linkDirect.push(await download(paced, LINK_SIZE));
      linkProxied.push(await download(pacedProxied, LINK_SIZE));
    }
    const linkMbps = (s: number) => LINK_SIZE / 1024 / 1024 / s;
    const rssPeak = Math.max(...runPeaks);
    const rssAfter = rssMiB(serverPid);
    const d = median(directTimes);
    const p = median(proxyTimes);
    const b = median(bareTimes);
    const line = (name: string, times: number[]) =>
      `  ${name.padEnd(8)} median ${mbps(median(times)).toFixed(0)} MB/s, best ${mbps(best(times)).toFixed(0)} MB/s (runs: ${times.map((t) => mbps(t).toFixed(0)).join(', ')})`;
    return [
      `proxy: ${RUNS} × ${SIZE / 1024 / 1024} MB via GET /api/audio vs direct from the fixture server vs a bare relay, interleaved`,
      line('direct', directTimes),
      line('proxied', proxyTimes),
      line('bare', bareTimes),
      `  ratio proxied/direct: median ${(d / p).toFixed(2)}, best ${(best(directTimes) / best(proxyTimes)).toFixed(2)}`,
      `  ratio bare relay/direct: median ${(d / b).toFixed(2)}, best ${(best(directTimes) / best(bareTimes)).toFixed(2)} (the ceiling of one hop here)`,
      `  ratio proxied/bare relay: median ${(b / p).toFixed(2)}, best ${(best(bareTimes) / best(proxyTimes)).toFixed(2)}`,
      `  at a paced link (30 MB, 3 runs): direct ${linkMbps(median(linkDirect)).toFixed(0)} MB/s, proxied ${linkMbps(median(linkProxied)).toFixed(0)} MB/s, ratio median ${(median(linkDirect) / median(linkProxied)).toFixed(2)}`,
      `  CPU per ${SIZE / 1024 / 1024} MB: proxy ${median(proxyCpu).toFixed(2)} s, bare relay ${median(bareCpu).toFixed(2)} s (median)`,
      `  server RSS: before ${rssBefore.toFixed(1)} MiB, peak during ${rssPeak.toFixed(1)} MiB (+${(rssPeak - rssBefore).toFixed(1)}), after ${rssAfter.toFixed(1)} MiB`,
      `  peak per run: ${runPeaks.map((p) => p.toFixed(1)).join(', ')} MiB (${SIZE / 1024 / 1024} MB each: a copy of the file would add that much)`,
    ].join('\n');
  } finally {
    server.child.kill('SIGTERM');
    bare.child.kill('SIGTERM');
    fixture.child.kill('SIGTERM');
  }
}
