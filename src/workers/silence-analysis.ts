/**
 * Decodes an MP3 stream with WebCodecs' AudioDecoder frame by frame and runs the silence detector
 * over it, a network read at a time, so memory stays flat however long the episode is (a whole
 * hour as Float32 would be over 1 GB). Reports gaps as they are found: playback can use the first
 * minutes of the map while the rest is still being decoded.
 */
import { downmix, SilenceDetector, type Gap } from '../core/silence/detector';
import { Mp3FrameReader } from '../core/silence/mp3-frames';

export class UnsupportedAudioError extends Error {}

/** Frames waiting in the decoder before reading stops to let it catch up (bounds memory). */
const MAX_QUEUE = 48;
/** Bytes read without finding an MP3 frame before giving up: not an MP3 (AAC, Opus…). */
const SNIFF_BYTES = 256 * 1024;

export interface AnalysisResult {
  /** Seconds of audio analysed. */
  seconds: number;
}

export async function analyzeStream(body: ReadableStream<Uint8Array>, options: { thresholdDb: number; minSilence: number }, onGaps: (gaps: Gap[], analyzed: number) => void): Promise<AnalysisResult> {
  const frames = new Mp3FrameReader();
  let detector: SilenceDetector | null = null;
  let decoder: AudioDecoder | null = null;
  let failure: Error | null = null;
  let toTrim = 0;
  let bytesRead = 0;

  const onOutput = (data: AudioData) => {
    try {
      const channels: Float32Array[] = [];
      for (let c = 0; c < data.numberOfChannels; c++) {
        const plane = new Float32Array(data.numberOfFrames);
        data.copyTo(plane, { planeIndex: c, format: 'f32-planar' });
        channels.push(plane);
      }
      let mono = downmix(channels);
      // The element never plays the encoder/decoder delay; dropping it keeps gap times in its clock.
      if (toTrim > 0) {
        const cut = Math.min(toTrim, mono.length);
        mono = mono.subarray(cut);
        toTrim -= cut;
      }
      detector!.push(mono);
    } finally {
      data.close();
    }
  };

  const drain = () => new Promise<void>((resolve) => decoder!.addEventListener('dequeue', () => resolve(), { once: true }));

  const decodeAll = async (list: ReturnType<Mp3FrameReader['push']>) => {
    for (const frame of list) {
      if (failure) throw failure;
      if (!decoder) {
        const f = frames.format!;
        const config: AudioDecoderConfig = { codec: 'mp3', sampleRate: f.sampleRate, numberOfChannels: f.channels };
        const support = await AudioDecoder.isConfigSupported(config);
        if (!support.supported) throw new UnsupportedAudioError('This browser cannot decode MP3 off the main thread.');
        detector = new SilenceDetector({ sampleRate: f.sampleRate, ...options });
        toTrim = frames.delaySamples;
        decoder = new AudioDecoder({ output: onOutput, error: (e) => (failure = e instanceof Error ? e : new Error(String(e))) });
        decoder.configure(config);
      }
      const f = frames.format!;
      decoder.decode(new EncodedAudioChunk({ type: 'key', timestamp: Math.round((frame.index * f.samplesPerFrame * 1e6) / f.sampleRate), data: frame.data }));
      if (decoder.decodeQueueSize > MAX_QUEUE) await drain();
    }
  };

  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytesRead += value.length;
      await decodeAll(frames.push(value));
      if (!frames.format && bytesRead > SNIFF_BYTES) throw new UnsupportedAudioError('Skip silence works on MP3 episodes; this one is in another format.');
      if (detector) {
        const found = (detector as SilenceDetector).take();
        if (found.length) onGaps(found, (detector as SilenceDetector).seconds);
      }
    }
    await decodeAll(frames.flush());
    if (!decoder || !detector) throw new UnsupportedAudioError('Skip silence works on MP3 episodes; this file has no MP3 audio.');
    await (decoder as AudioDecoder).flush();
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- false positive: `failure` (an Error) is set by the decoder's callback, which narrowing cannot see
    if (failure) throw failure;
    const d = detector as SilenceDetector;
    onGaps(d.finish(), d.seconds);
    return { seconds: d.seconds };
  } finally {
    reader.releaseLock();
    if (decoder && (decoder as AudioDecoder).state !== 'closed') (decoder as AudioDecoder).close();
  }
}
