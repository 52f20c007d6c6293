import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { Mp3FrameReader, parseHeader } from '../../../src/core/silence/mp3-frames';

const file = new Uint8Array(readFileSync(new URL('../../fixtures/audio/gaps-episode.mp3', import.meta.url)));
const expected = JSON.parse(readFileSync(new URL('../../fixtures/audio/gaps-episode.json', import.meta.url), 'utf8')) as { duration: number };

function readAll(bytes: Uint8Array, step: number) {
  const r = new Mp3FrameReader();
  const frames = [];
  for (let i = 0; i < bytes.length; i += step) frames.push(...r.push(bytes.subarray(i, i + step)));
  frames.push(...r.flush());
  return { r, frames };
}

describe('MP3 frame reader', () => {
  test('splits the fixture into frames covering its length', () => {
    const { r, frames } = readAll(file, 4096);
    expect(r.format).toEqual({ sampleRate: 22050, channels: 1, samplesPerFrame: 576 });
    // This file has no Info frame, so players play every decoded sample: no delay to trim.
    expect(r.delaySamples).toBe(0);
    const seconds = (frames.length * 576 - r.delaySamples) / 22050;
    expect(Math.abs(seconds - expected.duration)).toBeLessThan(0.1);
    expect(frames.map((f) => f.index)).toEqual(frames.map((_, i) => i));
    for (const f of frames) expect(parseHeader(f.data, 0)?.length).toBe(f.data.length);
  });

  test('how the bytes arrive does not matter', () => {
    const whole = readAll(file, file.length).frames.map((f) => f.data.length);
    expect(readAll(file, 1).frames.map((f) => f.data.length)).toEqual(whole);
    expect(readAll(file, 333).frames.map((f) => f.data.length)).toEqual(whole);
  });

  test('skips an ID3v2 tag and junk, and finds nothing in bytes that are not MP3', () => {
    const tag = new Uint8Array(10 + 300);
    tag.set([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 2, 44]); // "ID3", size 300 (syncsafe: 2*128 + 44)
    tag.fill(0xff, 10); // sync-looking bytes inside the tag must not be taken as frames
    const junk = new Uint8Array([0xff, 0xfb, 0x00, 0x12, 0x34]);
    const withTag = new Uint8Array(tag.length + junk.length + file.length);
    withTag.set(tag);
    withTag.set(junk, tag.length);
    withTag.set(file, tag.length + junk.length);
    expect(readAll(withTag, 1000).frames.length).toBe(readAll(file, 1000).frames.length);

    const text = new TextEncoder().encode('<html>not audio</html>'.repeat(500));
    const r = readAll(text, 512);
    expect(r.frames).toEqual([]);
    expect(r.r.format).toBeNull();
  });
});
