/** Transfer speed, smoothed so the number on screen does not flicker with every network read. */
export class SpeedMeter {
  private lastAt = 0;
  private lastBytes = 0;
  private rate: number | null = null;

  constructor(
    /** Shortest window a sample covers, ms. */
    private readonly windowMs = 500,
    /** Weight of the newest window in the moving average. */
    private readonly alpha = 0.3,
  ) {}

  /** Records that `bytes` have arrived by `now` (ms); returns bytes per second, null until known. */
  sample(bytes: number, now: number): number | null {
    if (this.lastAt === 0) {
      this.lastAt = now;
      this.lastBytes = bytes;
      return null;
    }
    const elapsed = now - this.lastAt;
    if (elapsed < this.windowMs) return this.rate;
    const current = Math.max(0, bytes - this.lastBytes) / (elapsed / 1000);
    this.rate = this.rate === null ? current : this.alpha * current + (1 - this.alpha) * this.rate;
    this.lastAt = now;
    this.lastBytes = bytes;
    return this.rate;
  }
}
