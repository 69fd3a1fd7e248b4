// One chat run at a time, and whose updates still count. Starting a run aborts the one before it;
// stop() aborts the current run but keeps it current, so its last update ("stopped") still shows;
// drop() aborts it and forgets it, so nothing it reports afterwards lands (Clear, unmount).
// Plain logic, so it is tested without React; useChatRun (lib/client) wraps it in a hook.
export interface RunHandle {
  signal: AbortSignal;
  /** False once a newer run started or the slot dropped this one: its updates must be ignored. */
  isCurrent: () => boolean;
}

export class RunSlot {
  private controller: AbortController | null = null;

  start(): RunHandle {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    return { signal: controller.signal, isCurrent: () => this.controller === controller };
  }

  /** Marks `run` as ended; true when it was still the current run. */
  finish(run: RunHandle): boolean {
    if (!run.isCurrent()) return false;
    this.controller = null;
    return true;
  }

  stop(): void {
    this.controller?.abort();
  }

  drop(): void {
    this.controller?.abort();
    this.controller = null;
  }
}
