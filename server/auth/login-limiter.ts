// Counts failed logins per key (an account name, an address, a session code) in a sliding
// window. In memory on purpose: one server per room, and a restart is not an attack vector
// worth a database write on every failed login.

export interface LimiterRule {
  maxFailures: number;
  windowMs: number;
}

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly rule: LimiterRule) {}

  /** Milliseconds to wait before the next try is allowed, 0 if allowed now. */
  retryAfterMs(key: string, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < this.rule.maxFailures) return 0;
    return recent[recent.length - this.rule.maxFailures]! + this.rule.windowMs - now;
  }

  recordFailure(key: string, now: number): void {
    const recent = this.recent(key, now);
    recent.push(now);
    this.failures.set(key, recent);
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => t > now - this.rule.windowMs);
    if (list.length === 0) this.failures.delete(key);
    return list;
  }
}
