import { useEffect, useState } from "react";
import { RunSlot, type RunHandle } from "../chat/run-slot";

// The one owner of a chat run (Chat, Compare, Run my configuration): its abort controller, its
// running state and Stop. A new run aborts the one before it, and unmounting aborts the current
// one: leaving the Playground by a link or the back button unmounts it (no layout keeps it), so
// the browser's request to /api/chat ends and the server aborts the router call with it. A full
// page load or a closed tab ends the request in the browser itself.
export interface ChatRun {
  /** True from run() until its work settles (or discard()). */
  running: boolean;
  /** Aborts the current run, if any, then does `work` with the new run's signal. */
  run: <T>(work: (run: RunHandle) => Promise<T>) => Promise<T>;
  /** Aborts the current run; its last updates (the "stopped" answer) still count. */
  stop: () => void;
  /** Aborts the current run and ignores whatever it reports afterwards (Clear). */
  discard: () => void;
}

export function useChatRun(): ChatRun {
  const [slot] = useState(() => new RunSlot());
  const [running, setRunning] = useState(false);

  useEffect(() => () => slot.drop(), [slot]);

  async function run<T>(work: (run: RunHandle) => Promise<T>): Promise<T> {
    const handle = slot.start();
    setRunning(true);
    try {
      return await work(handle);
    } finally {
      if (slot.finish(handle)) setRunning(false);
    }
  }
  const stop = () => slot.stop();
  const discard = () => {
    slot.drop();
    setRunning(false);
  };

  return { running, run, stop, discard };
}
