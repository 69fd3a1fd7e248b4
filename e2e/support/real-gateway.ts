import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { ensureOpenClaw, openclawCommand, openclawEnv } from "./openclaw-cli";
import { residentBytes } from "./process-memory";

// The REAL OpenClaw Gateway (`openclaw gateway run`, Node 24) on a temporary state folder and a free
// loopback port, token auth. About 1 GB of memory and 5–40 s to start: share one per spec file
// (beforeAll/afterAll). Kept fast and offline: Hugging Face discovery is off and no non-HF key is in
// the environment (a GROQ_API_KEY made startup try to install a plugin from ClawHub).
// stop() ends the whole process group (SIGTERM, then SIGKILL) and helpers that left the group;
// start() runs it again on the same folder and port; dispose() also removes the state folder. A worker that exits without either still kills the group.

export interface RealGateway {
  port: number;
  token: string;
  stateDir: string;
  /** The current run's process. */
  readonly pid: number;
  /** Milliseconds from spawn to the "[gateway] ready" log line, for the current run. */
  readonly startMs: number;
  /** Everything the Gateway printed so far in the current run. */
  logs(): string;
  /** Resident memory of the Gateway and of its helper processes, in bytes. */
  memory(): Promise<{ gateway: number; helpers: number[] }>;
  /** Ends the Gateway and every helper; the state folder stays (for checks after a stop). */
  stop(): Promise<void>;
  /** Starts it again on the same state folder and port (after stop(), or stopping it first). */
  start(): Promise<void>;
  /** stop(), then removes the state folder. */
  dispose(): Promise<void>;
}

export interface RealGatewayOptions {
  /** Merged over the base config (top-level keys replace). */
  config?: Record<string, unknown>;
  /** Lines for <state>/.env. */
  envFile?: Record<string, string>;
  readyTimeoutMs?: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Every process whose parent chain leads to pid (read from /proc, so helpers in other groups count). */
async function descendants(pid: number): Promise<number[]> {
  const parents = new Map<number, number>();
  for (const name of await readdir("/proc").catch(() => [] as string[])) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, "utf8").catch(() => "");
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (ppid) parents.set(Number(name), ppid);
  }
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of parents) {
      if (ppid === parent && !found.includes(child)) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(pid);
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const signal = (target: number, sig: NodeJS.Signals) => {
  try {
    process.kill(target, sig);
  } catch {
    // already gone
  }
};

export async function startRealGateway(options: RealGatewayOptions = {}): Promise<RealGateway> {
  await ensureOpenClaw();
  const stateDir = await mkdtemp(path.join(os.tmpdir(), "hfpd-gateway-"));
  const port = await freePort();
  const token = `tok-${randomBytes(12).toString("hex")}`;
  const config = {
    gateway: { mode: "local", port, bind: "loopback", auth: { mode: "token", token } },
    plugins: { entries: { huggingface: { config: { discovery: { enabled: false } } } } },
    logging: { file: path.join(stateDir, "logs", "gateway.log") },
    ...options.config,
  };
  await writeFile(path.join(stateDir, "openclaw.json"), `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  if (options.envFile) {
    const lines = Object.entries(options.envFile).map(([name, value]) => `${name}=${value}`);
    await writeFile(path.join(stateDir, ".env"), `${lines.join("\n")}\n`, { mode: 0o600 });
  }

  const { node, entry } = openclawCommand();
  const env = await openclawEnv(stateDir);
  let run: Run = await launch(node, entry, stateDir, env, port, options.readyTimeoutMs ?? 90_000).catch(
    async (error: unknown) => {
      await rm(stateDir, { recursive: true, force: true });
      throw error;
    },
  );
  const gateway: RealGateway = {
    port,
    token,
    stateDir,
    get pid() {
      return run.pid;
    },
    get startMs() {
      return run.startMs;
    },
    logs: () => run.output(),
    memory: async () => ({
      gateway: await residentBytes(run.pid),
      helpers: await Promise.all((await descendants(run.pid)).map((helper) => residentBytes(helper).catch(() => 0))),
    }),
    stop: () => run.stop(),
    start: async () => {
      await run.stop();
      run = await launch(node, entry, stateDir, env, port, options.readyTimeoutMs ?? 90_000);
    },
    dispose: async () => {
      await run.stop();
      await rm(stateDir, { recursive: true, force: true });
    },
  };
  return gateway;
}

interface Run {
  pid: number;
  startMs: number;
  output(): string;
  stop(): Promise<void>;
}

/** One `openclaw gateway run` on the state folder, until its "[gateway] ready" line. */
async function launch(
  node: string,
  entry: string,
  stateDir: string,
  env: NodeJS.ProcessEnv,
  port: number,
  readyTimeoutMs: number,
): Promise<Run> {
  const started = Date.now();
  const child: ChildProcess = spawn(node, [entry, "gateway", "run"], {
    cwd: stateDir,
    env,
    detached: true, // its own process group, so stop() can end it with every helper
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid as number;
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const killOnExit = () => signal(-pid, "SIGKILL");
  process.once("exit", killOnExit);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    const helpers = await descendants(pid);
    signal(-pid, "SIGTERM");
    const gone = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 5000))]);
    if (!gone) signal(-pid, "SIGKILL");
    await exited;
    for (const helper of helpers) if (alive(helper)) signal(helper, "SIGKILL");
    process.removeListener("exit", killOnExit);
  };

  try {
    await waitUntilReady(() => output, exited, port, readyTimeoutMs);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- gateway output ---\n${output.slice(-4000)}`);
  }
  return { pid, startMs: Date.now() - started, output: () => output, stop };
}

async function waitUntilReady(output: () => string, exited: Promise<number | null>, port: number, timeoutMs: number) {
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code ?? -1));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`openclaw gateway run exited (${exitCode}) before it was ready.`);
    if (/\[gateway\] ready\b/.test(output()) && (await portOpen(port))) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`openclaw gateway run was not ready after ${timeoutMs / 1000} s.`);
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
