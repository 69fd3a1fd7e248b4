import { describe, expect, it } from "vitest";
import { RunSlot } from "./run-slot";

describe("RunSlot", () => {
  it("a new run aborts the one it replaces, whose updates then no longer count", () => {
    const slot = new RunSlot();
    const first = slot.start();
    const second = slot.start();
    expect(first.signal.aborted).toBe(true);
    expect(first.isCurrent()).toBe(false);
    expect(second.signal.aborted).toBe(false);
    expect(second.isCurrent()).toBe(true);
    expect(slot.finish(first)).toBe(false);
    expect(second.isCurrent()).toBe(true);
  });

  it("stop aborts the current run but keeps it current, so its last update still shows", () => {
    const slot = new RunSlot();
    const run = slot.start();
    slot.stop();
    expect(run.signal.aborted).toBe(true);
    expect(run.isCurrent()).toBe(true);
    expect(slot.finish(run)).toBe(true);
    expect(run.isCurrent()).toBe(false);
  });

  it("drop aborts the current run and forgets it (Clear, unmount)", () => {
    const slot = new RunSlot();
    const run = slot.start();
    slot.drop();
    expect(run.signal.aborted).toBe(true);
    expect(run.isCurrent()).toBe(false);
    expect(slot.finish(run)).toBe(false);
  });

  it("a finished run is not aborted by what comes later", () => {
    const slot = new RunSlot();
    const run = slot.start();
    slot.finish(run);
    slot.stop();
    slot.drop();
    slot.start();
    expect(run.signal.aborted).toBe(false);
  });
});
