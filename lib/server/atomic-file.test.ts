import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  existsSync,
  lstatSync,
  mkdirSync,
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
import { writeFileAtomic } from "./atomic-file";

// Dotfiles are often symbolic links into a dotfiles folder: a save must change the file the
// link points to, atomically in that file's own folder, and leave the link a link.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "hfpd-atomic-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const tempFiles = (folder: string) => readdirSync(folder).filter((name) => name.endsWith(".tmp"));

describe("writeFileAtomic through symbolic links", () => {
  it("writes the link's target in the target's folder and keeps the link", async () => {
    const dotfiles = path.join(dir, "dotfiles");
    const state = path.join(dir, "state");
    mkdirSync(dotfiles);
    mkdirSync(state);
    writeFileSync(path.join(dotfiles, "env"), "OLD=1\n");
    symlinkSync("../dotfiles/env", path.join(state, ".env")); // relative, as stow and friends make them
    await writeFileAtomic(path.join(state, ".env"), "NEW=1\n");
    expect(lstatSync(path.join(state, ".env")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(state, ".env"))).toBe("../dotfiles/env");
    expect(readFileSync(path.join(dotfiles, "env"), "utf8")).toBe("NEW=1\n");
    expect(statSync(path.join(dotfiles, "env")).mode & 0o777).toBe(0o600);
    expect(tempFiles(dotfiles)).toEqual([]);
    expect(tempFiles(state)).toEqual([]);
  });

  it("follows a chain of links to the last one's target", async () => {
    writeFileSync(path.join(dir, "real.json"), "{}");
    symlinkSync(path.join(dir, "real.json"), path.join(dir, "middle.json"));
    symlinkSync("middle.json", path.join(dir, "openclaw.json"));
    await writeFileAtomic(path.join(dir, "openclaw.json"), '{"a":1}');
    expect(lstatSync(path.join(dir, "openclaw.json")).isSymbolicLink()).toBe(true);
    expect(lstatSync(path.join(dir, "middle.json")).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, "real.json"), "utf8")).toBe('{"a":1}');
  });

  it("creates the target of a dangling link when its folder exists, as a shell redirect would", async () => {
    mkdirSync(path.join(dir, "dotfiles"));
    symlinkSync(path.join(dir, "dotfiles", "env"), path.join(dir, ".env"));
    await writeFileAtomic(path.join(dir, ".env"), "A=1\n");
    expect(lstatSync(path.join(dir, ".env")).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, "dotfiles", "env"), "utf8")).toBe("A=1\n");
  });

  it("refuses a dangling link whose target folder is missing, saying where it points, and changes nothing", async () => {
    const target = path.join(dir, "gone", "env");
    symlinkSync(target, path.join(dir, ".env"));
    await expect(writeFileAtomic(path.join(dir, ".env"), "A=1\n")).rejects.toMatchObject({
      code: "storage_failed",
      message: expect.stringContaining(target),
    });
    expect(existsSync(path.join(dir, "gone"))).toBe(false);
    expect(readlinkSync(path.join(dir, ".env"))).toBe(target);
  });

  it("refuses a loop of links", async () => {
    symlinkSync(path.join(dir, "b"), path.join(dir, "a"));
    symlinkSync(path.join(dir, "a"), path.join(dir, "b"));
    await expect(writeFileAtomic(path.join(dir, "a"), "x")).rejects.toMatchObject({
      code: "storage_failed",
      message: expect.stringMatching(/loop/),
    });
  });

  it("still writes a plain file, creating its folder on the first save", async () => {
    const file = path.join(dir, "new-state", "openclaw.json");
    await writeFileAtomic(file, "{}");
    expect(lstatSync(file).isFile()).toBe(true);
    expect(readFileSync(file, "utf8")).toBe("{}");
  });
});
