// Starts the built dashboard exactly as a user does (`node scripts/start.mjs`), on a free port,
// and reads the resident memory of its process tree from /proc.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { freePort } from "../../e2e/support/app-server";
import { DIST_DIR, ROOT, guardSharedFiles } from "./build";

export { freePort };

export interface AppProcess {
  url: string;
  pid: number;
  /** Milliseconds from spawn until `readyPath` answered 200. */
  readyMs: number;
  /** start.mjs printed that it was building (sources changed after the bench built). */
  rebuilt(): boolean;
  logs(): string;
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();
/** What start.mjs prints before it builds. */
const BUILDING = "Building the dashboard";

/** Kills every app the bench started; used when the bench is interrupted or times out. */
export function killAllApps(): void {
  for (const child of live) child.kill("SIGKILL");
}

async function waitReady(child: ChildProcess, app: AppProcess, readyUrl: string, deadline: number): Promise<void> {
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the dashboard exited with ${child.exitCode}:\n${app.logs().slice(-2000)}`);
    try {
      const response = await fetch(readyUrl, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) {
      await app.stop();
      throw new Error(`the dashboard did not answer ${readyUrl} in time:\n${app.logs().slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * `skipBuild` serves the bench's build as it is (DASHBOARD_SKIP_BUILD=1), so a source edited by
 * someone during a run cannot make start.mjs rebuild under the measurements.
 */
export async function startApp(
  env: Record<string, string>,
  opts: { readyPath?: string; timeoutMs?: number; skipBuild?: boolean } = {},
): Promise<AppProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const restore = guardSharedFiles();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, "scripts", "start.mjs")], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: DIST_DIR,
      HOST: "127.0.0.1",
      PORT: String(port),
      ...(opts.skipBuild ? { DASHBOARD_SKIP_BUILD: "1" } : {}),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  live.add(child);
  let output = "";
  child.stdout?.on("data", (c) => (output += c));
  child.stderr?.on("data", (c) => (output += c));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const app: AppProcess = {
    url,
    pid: child.pid ?? -1,
    readyMs: Number.NaN,
    rebuilt: () => output.includes(BUILDING),
    logs: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
        await exited;
        clearTimeout(timer);
      }
      live.delete(child);
    },
  };
  try {
    await waitReady(child, app, `${url}${opts.readyPath ?? "/"}`, started + (opts.timeoutMs ?? 240_000));
    app.readyMs = performance.now() - started;
  } finally {
    if (app.rebuilt()) restore();
  }
  return app;
}

function parentOf(pid: number): number | null {
  try {
    // The command name (field 2) may hold spaces and parentheses: read after the last ")".
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

/** Every descendant of `root` (not `root` itself). */
export function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const parent = parentOf(pid);
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const out: number[] = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** VmRSS in MB, 0 when the process is gone. */
export function rssMb(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** The server's memory: the processes start.mjs spawned (next start and its children), not the wrapper. */
export function serverRssMb(app: AppProcess): number {
  return descendants(app.pid).reduce((sum, pid) => sum + rssMb(pid), 0);
}

/** Samples the server's RSS every `everyMs` until stopped. The process tree is re-read every second. */
export function sampleRss(app: AppProcess, everyMs = 25): { stop(): { peakMb: number; samples: number[] } } {
  let pids = descendants(app.pid);
  const samples: number[] = [];
  const sample = () => {
    if (samples.length % Math.max(1, Math.round(1000 / everyMs)) === 0) pids = descendants(app.pid);
    samples.push(pids.reduce((sum, pid) => sum + rssMb(pid), 0));
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return { peakMb: Math.max(...samples), samples };
    },
  };
}

/** Name and RSS of each server process, for results.json. */
export function serverProcesses(app: AppProcess): { pid: number; name: string; rssMb: number }[] {
  return descendants(app.pid).map((pid) => {
    let name = "?";
    try {
      name = readFileSync(`/proc/${pid}/cmdline`, "utf8")
        .split("\0")
        .filter(Boolean)
        .slice(0, 3)
        .join(" ")
        .slice(0, 120);
    } catch {
      // gone meanwhile
    }
    return { pid, name, rssMb: Math.round(rssMb(pid)) };
  });
}
