// Slows down guessing of DASHBOARD_TOKEN without letting one client lock everyone out.
//
// SignInThrottle is one client's counter: a few free mistakes, then a lock that doubles with each
// further failure (capped), during which attempts are refused without even being checked.
// SignInGate keeps one per client, and judges each attempt by that client's own failures only:
// - a browser that has signed in before carries a signed device cookie and is its own client;
// - any other attempt is counted against its address (lib/access/client-address.ts);
// - the addresses are many only for an attacker (one who connects directly can even write them),
//   so attempts without a device cookie also share a generous ceiling: GLOBAL_FAILURES failures
//   within GLOBAL_WINDOW_MS (several clients guessing as fast as their own locks allow) refuse
//   them all until it passes. A browser with a device cookie is never refused for others' failures.
// Memory is bounded: at most MAX_CLIENTS counters (the least recently failed go first) and at most
// GLOBAL_FAILURES timestamps.
export interface ThrottleOptions {
  freeFailures: number;
  baseLockMs: number;
  maxLockMs: number;
  /** Failures older than this are forgotten. */
  forgetAfterMs: number;
}

const DEFAULT_THROTTLE: ThrottleOptions = {
  freeFailures: 3,
  baseLockMs: 5_000,
  maxLockMs: 5 * 60_000,
  forgetAfterMs: 15 * 60_000,
};

export class SignInThrottle {
  private failures = 0;
  private lastFailureAt = 0;
  private lockedUntil = 0;

  constructor(private readonly options: ThrottleOptions = DEFAULT_THROTTLE) {}

  /** Milliseconds to wait before the next attempt may be checked; 0 when it may be now. */
  retryAfterMs(now: number): number {
    if (this.failures > 0 && now - this.lastFailureAt > this.options.forgetAfterMs) this.reset();
    return Math.max(0, this.lockedUntil - now);
  }

  recordFailure(now: number): void {
    this.retryAfterMs(now);
    this.failures += 1;
    this.lastFailureAt = now;
    const over = this.failures - this.options.freeFailures;
    if (over > 0) this.lockedUntil = now + Math.min(this.options.baseLockMs * 2 ** (over - 1), this.options.maxLockMs);
  }

  recordSuccess(): void {
    this.reset();
  }

  /** True once every failure has been forgotten (nothing left to remember). */
  get forgotten(): boolean {
    return this.failures === 0;
  }

  private reset(): void {
    this.failures = 0;
    this.lastFailureAt = 0;
    this.lockedUntil = 0;
  }
}

export interface GateOptions {
  perClient: ThrottleOptions;
  maxClients: number;
  globalFailures: number;
  globalWindowMs: number;
}

const DEFAULT_GATE: GateOptions = {
  perClient: DEFAULT_THROTTLE,
  maxClients: 1_000,
  globalFailures: 100,
  globalWindowMs: 15 * 60_000,
};

/** Who is trying: a device that signed in before (trusted), or an address. */
export interface SignInClient {
  key: string;
  trusted: boolean;
}

export class SignInGate {
  private readonly clients = new Map<string, SignInThrottle>();
  /** When recent failures of untrusted clients happened, oldest first. */
  private readonly recent: number[] = [];

  constructor(private readonly options: GateOptions = DEFAULT_GATE) {}

  /** Milliseconds before this client's next attempt may be checked; 0 when it may be now. */
  retryAfterMs(client: SignInClient, now: number): number {
    const own = this.ownWait(client.key, now);
    if (client.trusted) return own;
    return Math.max(own, this.ceilingWait(now));
  }

  recordFailure(client: SignInClient, now: number): void {
    let throttle = this.clients.get(client.key);
    if (throttle)
      this.clients.delete(client.key); // re-inserted last: the Map's order is least recently failed first
    else throttle = new SignInThrottle(this.options.perClient);
    throttle.recordFailure(now);
    this.clients.set(client.key, throttle);
    while (this.clients.size > this.options.maxClients) this.clients.delete(this.clients.keys().next().value!);
    if (!client.trusted) {
      this.recent.push(now);
      if (this.recent.length > this.options.globalFailures) this.recent.shift();
    }
  }

  recordSuccess(client: SignInClient): void {
    this.clients.delete(client.key);
  }

  /** How many clients are remembered (bounded by maxClients). */
  get size(): number {
    return this.clients.size;
  }

  private ownWait(key: string, now: number): number {
    const throttle = this.clients.get(key);
    if (!throttle) return 0;
    const wait = throttle.retryAfterMs(now);
    if (throttle.forgotten) this.clients.delete(key);
    return wait;
  }

  private ceilingWait(now: number): number {
    while (this.recent.length > 0 && now - this.recent[0] >= this.options.globalWindowMs) this.recent.shift();
    if (this.recent.length < this.options.globalFailures) return 0;
    return this.recent[0] + this.options.globalWindowMs - now;
  }
}
