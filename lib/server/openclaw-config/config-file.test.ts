import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import JSON5 from "json5";
import { AppError } from "@/lib/errors";
import { listBackups, readConfig, updateConfig } from "./config-file";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "hfpd-config-"));
  process.env.OPENCLAW_STATE_DIR = dir;
  delete process.env.OPENCLAW_CONFIG_PATH;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const file = () => path.join(dir, "openclaw.json");

describe("config file", () => {
  it("reads a missing file as empty and creates it on the first save, mode 0600", async () => {
    const snapshot = await readConfig();
    expect(snapshot).toMatchObject({ exists: false, revision: "absent", data: {} });
    await updateConfig("absent", (c) => ({ ...c, a: 1 }));
    expect(JSON.parse(readFileSync(file(), "utf8"))).toEqual({ a: 1 });
    expect(statSync(file()).mode & 0o777).toBe(0o600);
    expect(readFileSync(file(), "utf8")).toBe('{\n  "a": 1\n}\n');
  });

  it("reads JSON5 and keeps unknown keys through a save", async () => {
    writeFileSync(file(), "// mine\n{ gateway: { port: 1 }, list: [1, 2,], }\n");
    const before = await readConfig();
    expect(before.data).toEqual({ gateway: { port: 1 }, list: [1, 2] });
    await updateConfig(before.revision, (c) => ({ ...c, extra: true }));
    expect(JSON.parse(readFileSync(file(), "utf8"))).toEqual({ gateway: { port: 1 }, list: [1, 2], extra: true });
  });

  it("refuses a stale revision with 409 and leaves the file alone", async () => {
    writeFileSync(file(), '{"a":1}');
    const stale = (await readConfig()).revision;
    writeFileSync(file(), '{"a":2}');
    await expect(updateConfig(stale, (c) => c)).rejects.toMatchObject({ code: "conflict", status: 409 });
    expect(readFileSync(file(), "utf8")).toBe('{"a":2}');
  });

  it("never overwrites a file that does not parse, and reports line and column", async () => {
    const broken = '{\n  "a": 1,\n  oops here\n}\n';
    writeFileSync(file(), broken);
    const snapshot = await readConfig();
    expect(snapshot.problem).toMatchObject({ line: 3 });
    expect(snapshot.problem?.column).toBeGreaterThan(0);
    await expect(updateConfig(snapshot.revision, (c) => c)).rejects.toMatchObject({
      code: "config_unparsable",
      status: 422,
    });
    expect(readFileSync(file(), "utf8")).toBe(broken);
  });

  it("refuses prototype-polluting keys in the file", async () => {
    writeFileSync(file(), '{"__proto__": {"polluted": true}}');
    expect((await readConfig()).problem?.message).toMatch(/__proto__/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("rotates five backups like OpenClaw", async () => {
    for (let i = 0; i < 7; i++) {
      const { revision } = await readConfig();
      await updateConfig(revision, () => ({ n: i }));
    }
    const backups = await listBackups();
    expect(backups.map((b) => b.name)).toEqual([
      "openclaw.json.bak",
      "openclaw.json.bak.1",
      "openclaw.json.bak.2",
      "openclaw.json.bak.3",
      "openclaw.json.bak.4",
    ]);
    expect(JSON.parse(readFileSync(`${file()}.bak`, "utf8"))).toEqual({ n: 5 });
    expect(JSON.parse(readFileSync(`${file()}.bak.4`, "utf8"))).toEqual({ n: 1 });
    expect(existsSync(`${file()}.bak.5`)).toBe(false);
  });

  it("lets exactly one of many concurrent saves with the same revision win", async () => {
    const { revision } = await readConfig();
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => updateConfig(revision, () => ({ winner: i }))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).code).toBe("conflict");
  });
});

describe("a save killed midway", () => {
  it("leaves either the old or the new file, never a torn one", async () => {
    const big = (tag: string) => JSON.stringify({ tag, filler: "x".repeat(400_000) });
    writeFileSync(file(), big("old"));
    const writer = path.join(dir, "writer.mts");
    writeFileSync(
      writer,
      `import { writeFileAtomic } from ${JSON.stringify(path.resolve("lib/server/atomic-file.ts"))};
       let i = 0; for (;;) { await writeFileAtomic(${JSON.stringify(file())}, ${JSON.stringify(big("new"))}.replace('"new"', '"new' + (i++) + '"')); if (i === 1) process.stdout.write("wrote\\n"); }`,
    );
    const seen = new Set<string>();
    for (let round = 0; round < 6; round++) {
      // react-server makes "server-only" an empty module, as inside Next's server bundle.
      const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", writer], {
        stdio: ["ignore", "pipe", "ignore"],
        env: { ...process.env, NODE_OPTIONS: "" },
      });
      const exited = new Promise((resolve) => child.once("exit", resolve));
      // Kill it at a different moment of a write each round, once it is really writing.
      await new Promise<void>((resolve) => child.stdout!.once("data", () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, round * 7));
      child.kill("SIGKILL");
      await exited;
      const parsed = JSON5.parse(readFileSync(file(), "utf8"));
      expect(parsed.tag).toMatch(/^(old|new\d+)$/);
      expect(parsed.filler).toHaveLength(400_000);
      seen.add(parsed.tag === "old" ? "old" : "new");
    }
    expect(seen.has("new")).toBe(true); // the writer really ran before it was killed
  });
});

describe("an openclaw.json that is a symbolic link", () => {
  it("is saved through the link, which stays a link, with the backups beside the link as OpenClaw keeps them", async () => {
    const dotfiles = mkdtempSync(path.join(os.tmpdir(), "hfpd-dotfiles-"));
    try {
      const target = path.join(dotfiles, "openclaw.json");
      writeFileSync(target, '{"n":0}');
      symlinkSync(target, file());
      for (let i = 1; i <= 2; i++) {
        const { revision } = await readConfig();
        await updateConfig(revision, () => ({ n: i }));
      }
      expect(lstatSync(file()).isSymbolicLink()).toBe(true);
      expect(readlinkSync(file())).toBe(target);
      expect(JSON.parse(readFileSync(target, "utf8"))).toEqual({ n: 2 });
      expect(JSON.parse(readFileSync(`${file()}.bak`, "utf8"))).toEqual({ n: 1 });
      expect(JSON.parse(readFileSync(`${file()}.bak.1`, "utf8"))).toEqual({ n: 0 });
      expect(lstatSync(`${file()}.bak`).isFile()).toBe(true);
      expect(readdirSync(dotfiles)).toEqual(["openclaw.json"]);
    } finally {
      rmSync(dotfiles, { recursive: true, force: true });
    }
  });
});

// Child processes run the real save code with tsx, as a second dashboard or `npm run setup` would.
function startChild(script: string, env: Record<string, string> = {}) {
  // react-server makes "server-only" an empty module, as inside Next's server bundle.
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script], {
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, NODE_OPTIONS: "", OPENCLAW_STATE_DIR: dir, ...env },
  });
  let out = "";
  let err = "";
  child.stdout!.on("data", (chunk) => (out += chunk));
  child.stderr!.on("data", (chunk) => (err += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const line = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (out.includes(`${text}\n`)) resolve();
      };
      child.stdout!.on("data", check);
      check();
      void exited.then(() => (out.includes(`${text}\n`) ? resolve() : reject(new Error(`child exited: ${err}`))));
    });
  return { child, exited, line, output: () => out, errors: () => err };
}

describe("two processes saving at once", () => {
  it("let exactly one save win per revision, lose no update, and keep the .bak chain whole", async () => {
    writeFileSync(file(), JSON.stringify({ n: 0, log: [] }));
    const racer = path.join(dir, "racer.mts");
    writeFileSync(
      racer,
      `import { readConfig, updateConfig } from ${JSON.stringify(path.resolve("lib/server/openclaw-config/config-file.ts"))};
       const wins = [];
       process.stdout.write("ready\\n");
       await new Promise((resolve) => process.stdin.once("data", resolve));
       for (let i = 0; i < 40; i++) {
         const { revision } = await readConfig();
         try {
           await updateConfig(revision, (c) => ({ n: c.n + 1, log: [...c.log, process.env.TAG + i] }));
           wins.push(revision);
         } catch (error) {
           if (error.code !== "conflict") throw error;
         }
       }
       process.stdout.write(JSON.stringify(wins) + "\\n");`,
    );
    const racers = ["a", "b"].map((tag) => startChild(racer, { TAG: tag }));
    await Promise.all(racers.map((r) => r.line("ready")));
    for (const r of racers) r.child.stdin!.end("go\n");
    const codes = await Promise.all(racers.map((r) => r.exited));
    expect(codes, racers.map((r) => r.errors()).join("\n")).toEqual([0, 0]);
    const wins = racers.flatMap((r) => JSON.parse(r.output().trim().split("\n").at(-1)!) as string[]);
    expect(new Set(wins).size).toBe(wins.length); // never two winners for one revision
    const final = JSON.parse(readFileSync(file(), "utf8"));
    expect(final.n).toBe(wins.length); // every win is in the file: no save overwrote another
    expect(final.log).toHaveLength(wins.length);
    // .bak is the state before the last save, .bak.1 the one before, and so on.
    const chain = ["", ".1", ".2", ".3", ".4"].map((suffix) =>
      JSON.parse(readFileSync(`${file()}.bak${suffix}`, "utf8")),
    );
    chain.forEach((backup, i) => {
      expect(backup.n).toBe(final.n - 1 - i);
      expect(backup.log).toEqual(final.log.slice(0, backup.n));
    });
  }, 60_000);

  it("take over a lock left by a process killed while holding it", async () => {
    writeFileSync(file(), '{"n":0}');
    const holder = path.join(dir, "holder.mts");
    writeFileSync(
      holder,
      `import { withFileLock } from ${JSON.stringify(path.resolve("lib/server/atomic-file.ts"))};
       await withFileLock(${JSON.stringify(file())}, async () => {
         process.stdout.write("locked\\n");
         // A timer keeps the process alive until it is killed: with nothing pending, Node would exit on
         // its own and the lock library's exit handler would remove the lock the test needs left behind.
         await new Promise(() => setInterval(() => {}, 60_000));
       });`,
    );
    const child = startChild(holder);
    await child.line("locked");
    expect(existsSync(`${file()}.lock`)).toBe(true);
    child.child.kill("SIGKILL");
    await child.exited;
    expect(existsSync(`${file()}.lock`)).toBe(true); // a killed process cannot clean up
    const { revision } = await readConfig();
    const saved = await updateConfig(revision, () => ({ n: 1 }));
    expect(saved.data).toEqual({ n: 1 });
    expect(existsSync(`${file()}.lock`)).toBe(false);
  }, 60_000);

  it("make a save wait for a live holder, then see what that holder wrote", async () => {
    writeFileSync(file(), '{"n":0}');
    const { revision } = await readConfig();
    const holder = path.join(dir, "holder.mts");
    writeFileSync(
      holder,
      `import { writeFileSync } from "node:fs";
       import { withFileLock } from ${JSON.stringify(path.resolve("lib/server/atomic-file.ts"))};
       await withFileLock(${JSON.stringify(file())}, async () => {
         process.stdout.write("locked\\n");
         await new Promise((resolve) => process.stdin.once("data", resolve));
         writeFileSync(${JSON.stringify(file())}, '{"n":"theirs"}');
       });
       process.stdout.write("released\\n");`,
    );
    const child = startChild(holder);
    await child.line("locked");
    const save = updateConfig(revision, () => ({ n: "ours" }));
    const settled = save.then(
      () => "saved",
      (error: AppError) => error.code,
    );
    child.child.stdin!.end("go\n");
    await child.line("released");
    expect(await settled).toBe("conflict");
    expect(JSON.parse(readFileSync(file(), "utf8"))).toEqual({ n: "theirs" });
    await child.exited;
  }, 60_000);
});
