import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { getEnvFileVar, removeEnvFileVar, setEnvFileVar } from "./env-file";

let dir: string;
let state: string;
let target: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "hfpd-envfile-"));
  state = path.join(dir, "state");
  target = path.join(dir, "dotfiles", "openclaw.env");
  mkdirSync(state);
  mkdirSync(path.dirname(target));
  process.env.OPENCLAW_STATE_DIR = state;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("a .env that is a symbolic link", () => {
  it("is saved through the link, and a removed token is gone from the file the link points to", async () => {
    writeFileSync(target, "# mine\nOTHER=1\n");
    symlinkSync(target, path.join(state, ".env"));
    await setEnvFileVar("HF_TOKEN", "hf_linkedToken000001");
    expect(lstatSync(path.join(state, ".env")).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, "utf8")).toBe("# mine\nOTHER=1\nHF_TOKEN=hf_linkedToken000001\n");
    await setEnvFileVar("HF_TOKEN", "hf_linkedToken000002");
    expect(await removeEnvFileVar("HF_TOKEN")).toBe(true);
    expect(lstatSync(path.join(state, ".env")).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, "utf8")).toBe("# mine\nOTHER=1\n");
    expect(await getEnvFileVar("HF_TOKEN")).toBeUndefined();
  });
});
