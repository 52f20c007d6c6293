/**
 * Skip silence: how fast the silence map is built, per hour of audio.
 * 1. The detector alone (src/core/silence/detector.ts) in Node over an hour of generated 44.1 kHz PCM.
 * 2. The whole worker pipeline in Debian Chromium: a 10-minute 44.1 kHz stereo 128 kb/s MP3 (speech
 *    from espeak-ng with pauses, encoded by lame) fetched, split into frames, decoded by WebCodecs'
 *    AudioDecoder and analysed, exactly as src/workers/silence-analysis.ts does in the app.
 * Run with `npm run bench silence`. Needs espeak-ng, sox and lame.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { SilenceDetector } from '../../src/core/silence/detector';
import { STRENGTHS } from '../../src/core/silence/strengths';
import { launchBrowser } from '../../tests/e2e/browser';

const root = path.resolve(import.meta.dirname, '..', '..');

function detectorOnly(): string {
  const rate = 44100;
  const d = new SilenceDetector({ sampleRate: rate, thresholdDb: STRENGTHS.medium.thresholdDb, minSilence: STRENGTHS.medium.minSilence });
  const second = new Float32Array(rate);
  let gaps = 0;
  let spent = 0;
  for (let s = 0; s < 3600; s++) {
    // 8 s of tone, 2 s of near-silence, repeating: a gap every 10 s.
    const loud = s % 10 < 8;
    for (let i = 0; i < rate; i++) second[i] = loud ? 0.3 * Math.sin((2 * Math.PI * 180 * i) / rate) : (((i * 7919) % 200) - 100) / 1e5;
    const t0 = performance.now();
    d.push(second);
    gaps += d.take().length;
    spent += performance.now() - t0;
  }
  gaps += d.finish().length;
  return `detector only (Node, 1 h of 44.1 kHz mono PCM, medium): ${(spent / 1000).toFixed(2)} s per hour of audio, ${gaps} gaps`;
}

function makeMp3(dir: string): { file: string; seconds: number } {
  const voice = path.join(dir, 'voice.wav');
  execFileSync('espeak-ng', [
    '-s',
    '160',
    '-w',
    voice,
    'This is a benchmark of the silence map. A host speaks for a while, then pauses, as hosts do. Then the talk carries on about networks and routing.',
  ]);
  const unit = path.join(dir, 'unit.wav');
  execFileSync('sox', [voice, '-r', '44100', '-c', '2', unit, 'pad', '0', '2']);
  const unitSeconds = Number(execFileSync('soxi', ['-D', unit]).toString());
  const repeats = Math.ceil(600 / unitSeconds);
  const long = path.join(dir, 'long.wav');
  execFileSync('sox', [unit, long, 'repeat', String(repeats - 1)]);
  const file = path.join(dir, 'bench.mp3');
  execFileSync('lame', ['--quiet', '-b', '128', long, file]);
  return { file, seconds: unitSeconds * repeats };
}

async function browserPipeline(): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hopcast-silence-bench-'));
  const { file, seconds } = makeMp3(dir);
  const bundle = await build({ entryPoints: [path.join(root, 'src/workers/silence-analysis.ts')], bundle: true, format: 'esm', write: false, target: 'es2022' });
  const js = bundle.outputFiles[0].text;
  const mp3 = readFileSync(file);
  const server = http.createServer((req, res) => {
    if (req.url === '/analysis.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
    else if (req.url === '/bench.mp3') res.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': mp3.length }).end(mp3);
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>bench</title>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    const runs: Array<{ ms: number; gaps: number; analysed: number }> = [];
    for (let i = 0; i < 3; i++) {
      runs.push(
        await page.evaluate(
          async ({ preset }) => {
            // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- false positive: the cast keeps tsc from resolving a URL that exists only in the page
            const mod = await import('/analysis.js' as string);
            const t0 = performance.now();
            const res = await fetch('/bench.mp3');
            let gaps = 0;
            const out = await mod.analyzeStream(res.body, preset, (g: unknown[]) => (gaps += g.length));
            return { ms: performance.now() - t0, gaps, analysed: out.seconds as number };
          },
          { preset: { thresholdDb: STRENGTHS.medium.thresholdDb, minSilence: STRENGTHS.medium.minSilence } },
        ),
      );
    }
    const best = runs.reduce((a, b) => (a.ms < b.ms ? a : b));
    const perHour = (best.ms / 1000) * (3600 / seconds);
    return [
      `pipeline (Chromium: fetch + MP3 frames + WebCodecs AudioDecoder + detector), ${(seconds / 60).toFixed(1)} min 44.1 kHz stereo 128 kb/s MP3 (${(mp3.length / 1e6).toFixed(1)} MB):`,
      `  runs ${runs.map((r) => (r.ms / 1000).toFixed(2)).join(' / ')} s; best → ${perHour.toFixed(1)} s per hour of audio (${(3600 / perHour).toFixed(0)}× real time)`,
      `  analysed ${best.analysed.toFixed(1)} s of a ${seconds.toFixed(1)} s file, ${best.gaps} gaps found (one pause per ${(seconds / Math.max(1, best.gaps)).toFixed(1)} s spoken unit)`,
    ].join('\n');
  } finally {
    await browser.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<string> {
  return [detectorOnly(), await browserPipeline()].join('\n');
}
