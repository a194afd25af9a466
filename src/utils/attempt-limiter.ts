/**
 * Failed attempts per key (a client address) in a sliding window: once `max` failures fall within
 * `windowMs`, the key is refused until the oldest of them leaves the window. Memory is bounded:
 * keys whose failures have all left the window are dropped as they are met, and at most
 * `maxKeys` keys are kept (the oldest go first).
 */
export class AttemptLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
    private readonly maxKeys = 100000,
  ) {}

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((at) => now - at < this.windowMs);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }

  /** Milliseconds until `key` may try again, or 0 when it may now. */
  retryAfter(key: string, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < this.max) return 0;
    return recent[recent.length - this.max] + this.windowMs - now;
  }

  fail(key: string, now: number): void {
    const recent = this.recent(key, now);
    this.failures.delete(key);
    this.failures.set(key, [...recent, now].slice(-this.max));
    if (this.failures.size > this.maxKeys) this.failures.delete(this.failures.keys().next().value as string);
  }
}
