/**
 * A fixed-window counter per key (e.g. per client address), kept in memory. It is the cheap first line
 * for public look-ups such as /verify: one process's view only, so a deployment with several instances
 * divides the limit between them, which is acceptable for slowing down guessing, not for billing.
 */
export class WindowLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    /** Keys remembered at most; the oldest windows are dropped first, so memory stays bounded. */
    readonly maxKeys = 10_000,
  ) {}

  /** Counts one attempt for `key` at `now`; false when the key has used up its window. */
  take(key: string, now: number): boolean {
    const current = this.windows.get(key);
    if (!current || now - current.startedAt >= this.windowMs) {
      this.windows.delete(key);
      if (this.windows.size >= this.maxKeys) {
        const oldest = this.windows.keys().next().value;
        if (oldest !== undefined) this.windows.delete(oldest);
      }
      this.windows.set(key, { startedAt: now, count: 1 });
      return true;
    }
    if (current.count >= this.limit) return false;
    current.count += 1;
    return true;
  }
}
