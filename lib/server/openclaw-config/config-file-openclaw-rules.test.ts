import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { appErrorOf } from "@/lib/testing/app-error-of";
import { readConfig, restoreBackup, updateConfig } from "./config-file";

// config-file.ts writes openclaw.json the way OpenClaw's own writes do, so the next Gateway start
// accepts it (openclaw-gateway.md §2): meta kept, gateway.mode never dropped, never below half the
// size of the current file or of openclaw.json.last-good, plain JSON, 0600, the .bak ring.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "hfpd-config-rules-"));
  process.env.OPENCLAW_STATE_DIR = dir;
  delete process.env.OPENCLAW_CONFIG_PATH;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const file = () => path.join(dir, "openclaw.json");
const json = (name = "openclaw.json") => JSON.parse(readFileSync(path.join(dir, name), "utf8"));
const META = { lastTouchedVersion: "2026.9.6", migrations: { modelPolicyAllowlist: true } };
/** A config of about `bytes` bytes: gateway.mode, meta, and padding in a field OpenClaw keeps. */
const bigConfig = (bytes: number, extra: Record<string, unknown> = {}) => ({
  meta: META,
  gateway: { mode: "local", port: 18789 },
  agents: {
    defaults: {
      models: Object.fromEntries(
        Array.from({ length: Math.ceil(bytes / 60) }, (_, i) => [`huggingface/org/model-number-${i}`, {}]),
      ),
    },
  },
  ...extra,
});
const write = (name: string, value: unknown) =>
  writeFileSync(path.join(dir, name), `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });

describe("writing openclaw.json as OpenClaw does", () => {
  it("keeps meta exactly as the file has it, even when a change drops or alters it", async () => {
    write("openclaw.json", { meta: META, gateway: { mode: "local" }, a: 1 });
    const before = await readConfig();
    await updateConfig(before.revision, (c) => {
      delete c.meta;
      return { ...c, a: 2 };
    });
    expect(json()).toEqual({ meta: META, gateway: { mode: "local" }, a: 2 });
    const again = await readConfig();
    await updateConfig(again.revision, (c) => ({ ...c, meta: { lastTouchedVersion: "1.0.0" } }));
    expect(json().meta).toEqual(META);
    expect(statSync(file()).mode & 0o777).toBe(0o600);
    expect(readFileSync(file(), "utf8")).toBe(`${JSON.stringify(json(), null, 2)}\n`); // plain JSON
  });

  it("gives a file without meta the one in openclaw.json.last-good (the next start would restore otherwise)", async () => {
    write("openclaw.json", { gateway: { mode: "local" }, a: 1 });
    write("openclaw.json.last-good", { meta: META, gateway: { mode: "local" }, a: 0 });
    await updateConfig((await readConfig()).revision, (c) => ({ ...c, a: 2 }));
    expect(json()).toMatchObject({ meta: META, a: 2 });
  });

  it("refuses to remove gateway.mode (422), writing nothing", async () => {
    write("openclaw.json", { meta: META, gateway: { mode: "local", port: 1 } });
    const before = readFileSync(file(), "utf8");
    const error = await appErrorOf(
      updateConfig((await readConfig()).revision, (c) => ({ ...c, gateway: { port: 1 } })),
    );
    expect(error.code).toBe("config_write_rejected");
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/gateway\.mode \("local"\)/);
    expect(readFileSync(file(), "utf8")).toBe(before);
    expect(readdirSync(dir).filter((n) => n.includes(".bak"))).toEqual([]);
  });

  it("refuses to shrink a file of 512 bytes or more below half, and allows down to half", async () => {
    write("openclaw.json", bigConfig(4000));
    const size = statSync(file()).size;
    const error = await appErrorOf(
      updateConfig((await readConfig()).revision, (c) => ({ ...c, agents: { defaults: { models: {} } } })),
    );
    expect(error.code).toBe("config_write_rejected");
    expect(error.message).toMatch(new RegExp(`from ${size} to \\d+ bytes, below half of the current file`));
    expect(statSync(file()).size).toBe(size);

    // Half of the models go: a bit more than half the bytes stay, which OpenClaw accepts.
    await updateConfig((await readConfig()).revision, (c) => {
      const models = (c.agents as { defaults: { models: Record<string, unknown> } }).defaults.models;
      for (const key of Object.keys(models).slice(0, Math.floor(Object.keys(models).length * 0.45))) delete models[key];
      return c;
    });
    expect(statSync(file()).size).toBeGreaterThanOrEqual(size / 2);
    expect(json("openclaw.json.bak").agents).toEqual(bigConfig(4000).agents);
  });

  it("compares with openclaw.json.last-good too: a small file after a big last-good is refused", async () => {
    write("openclaw.json", { meta: META, gateway: { mode: "local" }, a: 1 });
    write("openclaw.json.last-good", bigConfig(4000));
    const error = await appErrorOf(updateConfig((await readConfig()).revision, (c) => ({ ...c, a: 2 })));
    expect(error.message).toMatch(/last-known-good/);
    // Small files below the 512-byte baseline may shrink freely.
    write("openclaw.json.last-good", { meta: META, gateway: { mode: "local" }, padding: "x".repeat(300) });
    await updateConfig((await readConfig()).revision, (c) => ({ ...c, a: 2 }));
    expect(json().a).toBe(2);
  });

  it("restores a backup with the current meta, and refuses one that lost gateway.mode", async () => {
    write("openclaw.json", { meta: META, gateway: { mode: "local" }, a: 1 });
    writeFileSync(path.join(dir, "openclaw.json.bak"), '// old\n{ gateway: { mode: "local" }, a: 0 }\n');
    write("openclaw.json.bak.1", { meta: META, a: -1 });
    await restoreBackup("openclaw.json.bak", (await readConfig()).revision);
    expect(json()).toEqual({ gateway: { mode: "local" }, a: 0, meta: META });
    expect(json("openclaw.json.bak")).toEqual({ meta: META, gateway: { mode: "local" }, a: 1 });

    const before = readFileSync(file(), "utf8");
    const error = await appErrorOf(restoreBackup("openclaw.json.bak.2", (await readConfig()).revision));
    expect(error.code).toBe("config_write_rejected"); // .bak.1 became .bak.2 in the rotation
    expect(readFileSync(file(), "utf8")).toBe(before);
  });

  it("keeps a backup's own text (comments included) when its meta is already the current one", async () => {
    write("openclaw.json", { meta: META, gateway: { mode: "local" }, a: 1 });
    const text = `// mine\n${JSON.stringify({ meta: META, gateway: { mode: "local" }, a: 0 })}\n`;
    writeFileSync(path.join(dir, "openclaw.json.bak"), text);
    await restoreBackup("openclaw.json.bak", (await readConfig()).revision);
    expect(readFileSync(file(), "utf8")).toBe(text);
  });
});
