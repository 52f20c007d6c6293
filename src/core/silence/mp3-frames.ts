/**
 * Splits an MP3 byte stream into frames for WebCodecs' AudioDecoder, which wants one encoded frame
 * per chunk. Pure and incremental: feed bytes as they arrive, get whole frames back. Also skips an
 * ID3v2 tag and reads the encoder delay from a LAME/Xing "Info" frame, so gap times line up with
 * what the <audio> element plays (it trims that delay; a raw decoder does not).
 */

export interface Mp3Format {
  sampleRate: number;
  channels: number;
  samplesPerFrame: number;
}

export interface Mp3Frame {
  data: Uint8Array;
  /** Index of this audio frame (the Info frame is not counted). */
  index: number;
}

const BITRATES_V1_L3 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2_L3 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

interface Header extends Mp3Format {
  length: number;
  /** MPEG-1 or not: decides where the side info ends. */
  mpeg1: boolean;
}

/** Parses a Layer III frame header at `at`; null when these bytes are not one. */
export function parseHeader(b: Uint8Array, at: number): Header | null {
  if (at + 4 > b.length || b[at] !== 0xff || (b[at + 1] & 0xe0) !== 0xe0) return null;
  const version = (b[at + 1] >> 3) & 3; // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
  const layer = (b[at + 1] >> 1) & 3; // 1 = Layer III
  const bitrateIndex = b[at + 2] >> 4;
  const rateIndex = (b[at + 2] >> 2) & 3;
  const padding = (b[at + 2] >> 1) & 1;
  if (version === 1 || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const mpeg1 = version === 3;
  const kbps = (mpeg1 ? BITRATES_V1_L3 : BITRATES_V2_L3)[bitrateIndex];
  const sampleRate = RATES[version][rateIndex];
  const samplesPerFrame = mpeg1 ? 1152 : 576;
  const length = Math.floor(((samplesPerFrame / 8) * kbps * 1000) / sampleRate) + padding;
  const channels = b[at + 3] >> 6 === 3 ? 1 : 2;
  return { sampleRate, channels, samplesPerFrame, length, mpeg1 };
}

/** Where the Xing/Info tag would sit in this frame (after the header and side info). */
function xingOffset(h: Header): number {
  return 4 + (h.mpeg1 ? (h.channels === 1 ? 17 : 32) : h.channels === 1 ? 9 : 17);
}

function ascii(b: Uint8Array, at: number, n: number): string {
  return at + n <= b.length ? String.fromCharCode(...b.subarray(at, at + n)) : '';
}

/** The decoder's own delay for Layer III (samples), added to the encoder's. */
export const DECODER_DELAY = 529;

export class Mp3FrameReader {
  private buffer: Uint8Array = new Uint8Array(0);
  private id3Left = -1;
  private frames = 0;
  private started = false;
  format: Mp3Format | null = null;
  /**
   * Samples at the start that the element does not play. Players trim the encoder and decoder delay
   * only when a LAME/Info frame declares it; without one they play every decoded sample, as does
   * the decoder here, so both clocks already agree.
   */
  delaySamples = 0;
  /** Bytes skipped while looking for a frame (junk, tags, a damaged stretch). */
  skipped = 0;

  /** Adds bytes; returns the complete frames they finish. */
  push(bytes: Uint8Array): Mp3Frame[] {
    this.buffer = this.buffer.length ? concat(this.buffer, bytes) : bytes;
    const out: Mp3Frame[] = [];
    let at = this.skipId3();
    if (at < 0) return out;
    const b = this.buffer;
    while (at + 4 <= b.length) {
      const h = parseHeader(b, at);
      // Wait for the next header: a sync word inside junk is only trusted when another follows it.
      if (h && at + h.length + 4 > b.length) break;
      if (!h || !parseHeader(b, at + h.length)) {
        at++;
        this.skipped++;
        continue;
      }
      this.take(b.slice(at, at + h.length), h, out);
      at += h.length;
    }
    this.buffer = b.slice(at);
    return out;
  }

  /** End of input: the last frame has no header after it to confirm it. */
  flush(): Mp3Frame[] {
    const out: Mp3Frame[] = [];
    const b = this.buffer;
    const h = parseHeader(b, 0);
    if (h && h.length <= b.length) this.take(b.slice(0, h.length), h, out);
    this.buffer = new Uint8Array(0);
    return out;
  }

  private take(data: Uint8Array, h: Header, out: Mp3Frame[]): void {
    if (!this.started) {
      this.started = true;
      this.format = { sampleRate: h.sampleRate, channels: h.channels, samplesPerFrame: h.samplesPerFrame };
      if (this.readInfoFrame(data, h)) return;
    }
    out.push({ data, index: this.frames++ });
  }

  /** Skips a leading ID3v2 tag (its size is in the header); -1 while more bytes are needed. */
  private skipId3(): number {
    if (this.id3Left < 0) {
      if (this.buffer.length < 10) return -1;
      const b = this.buffer;
      this.id3Left = ascii(b, 0, 3) === 'ID3' ? 10 + ((b[6] & 0x7f) << 21) + ((b[7] & 0x7f) << 14) + ((b[8] & 0x7f) << 7) + (b[9] & 0x7f) + (b[5] & 0x10 ? 10 : 0) : 0;
    }
    if (this.id3Left === 0) return 0;
    const drop = Math.min(this.id3Left, this.buffer.length);
    this.buffer = this.buffer.subarray(drop);
    this.id3Left -= drop;
    return this.id3Left === 0 ? 0 : -1;
  }

  /** True when the first frame is a Xing/Info header (no audio): its LAME part gives the delay. */
  private readInfoFrame(frame: Uint8Array, h: Header): boolean {
    const x = xingOffset(h);
    const tag = ascii(frame, x, 4);
    if (tag !== 'Xing' && tag !== 'Info') return false;
    this.delaySamples = DECODER_DELAY;
    const lame = x + 120;
    if (/^(LAME|Lavc|Lavf|GOGO)/.test(ascii(frame, lame, 4)) && lame + 24 <= frame.length) {
      const encoderDelay = (frame[lame + 21] << 4) | (frame[lame + 22] >> 4);
      this.delaySamples = encoderDelay + DECODER_DELAY;
    }
    return true;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
