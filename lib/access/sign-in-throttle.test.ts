import { describe, expect, it } from "vitest";
import { SignInGate, type SignInClient } from "./sign-in-throttle";

const NOW = 1_800_000_000_000;
const address = (a: string): SignInClient => ({ key: `address:${a}`, trusted: false });
const device = (id: string): SignInClient => ({ key: `device:${id}`, trusted: true });

describe("sign-in gate", () => {
  it("never refuses a client that has not failed, while another fails again each time its lock ends", () => {
    const gate = new SignInGate();
    const noisy = address("10.0.0.9");
    let now = NOW;
    for (let i = 0; i < 8; i++) gate.recordFailure(noisy, now);
    for (let round = 0; round < 500; round++) {
      // The noisy client is locked, for longer and longer…
      expect(gate.retryAfterMs(noisy, now)).toBeGreaterThan(0);
      // …and the others are checked at once.
      expect(gate.retryAfterMs(address("10.0.0.7"), now)).toBe(0);
      expect(gate.retryAfterMs(device("mine"), now)).toBe(0);
      now += gate.retryAfterMs(noisy, now);
      gate.recordFailure(noisy, now);
    }
  });

  it("locks a client by its own failures, and a success forgets them", () => {
    const gate = new SignInGate();
    const me = address("10.0.0.7");
    for (let i = 0; i < 4; i++) gate.recordFailure(me, NOW);
    expect(gate.retryAfterMs(me, NOW)).toBe(5_000);
    gate.recordSuccess(me);
    expect(gate.retryAfterMs(me, NOW)).toBe(0);
  });

  it("refuses attempts without a device cookie once many clients fail within the window, never a device", () => {
    const gate = new SignInGate({
      perClient: { freeFailures: 3, baseLockMs: 5_000, maxLockMs: 300_000, forgetAfterMs: 900_000 },
      maxClients: 1_000,
      globalFailures: 100,
      globalWindowMs: 900_000,
    });
    for (let i = 0; i < 99; i++) gate.recordFailure(address(`10.1.0.${i}`), NOW + i);
    expect(gate.retryAfterMs(address("10.2.0.1"), NOW + 100)).toBe(0);
    gate.recordFailure(address("10.1.1.0"), NOW + 100);
    // The ceiling holds until the oldest of those failures leaves the window.
    expect(gate.retryAfterMs(address("10.2.0.1"), NOW + 100)).toBe(900_000 - 100);
    expect(gate.retryAfterMs(device("mine"), NOW + 100)).toBe(0);
    expect(gate.retryAfterMs(address("10.2.0.1"), NOW + 900_000)).toBe(0);
  });

  it("does not count a device's failures toward the ceiling", () => {
    const gate = new SignInGate({
      perClient: { freeFailures: 3, baseLockMs: 5_000, maxLockMs: 300_000, forgetAfterMs: 900_000 },
      maxClients: 1_000,
      globalFailures: 5,
      globalWindowMs: 900_000,
    });
    for (let i = 0; i < 10; i++) gate.recordFailure(device(`d${i}`), NOW);
    expect(gate.retryAfterMs(address("10.2.0.1"), NOW)).toBe(0);
  });

  it("remembers at most maxClients, the least recently failed dropped first, and forgets quiet ones", () => {
    const gate = new SignInGate();
    for (let i = 0; i < 5_000; i++) gate.recordFailure(address(`10.${i >> 8}.${i & 255}.1`), NOW);
    expect(gate.size).toBe(1_000);
    const quiet = new SignInGate();
    quiet.recordFailure(address("10.0.0.1"), NOW);
    expect(quiet.size).toBe(1);
    expect(quiet.retryAfterMs(address("10.0.0.1"), NOW + 16 * 60_000)).toBe(0);
    expect(quiet.size).toBe(0);
  });
});
