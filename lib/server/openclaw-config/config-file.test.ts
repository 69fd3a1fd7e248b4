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
