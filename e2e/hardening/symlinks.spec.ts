import { lstat, mkdtemp, readFile, readlink, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test as base } from "../fixtures";
import { configFile, patchConfig } from "../support/config-files";

// Many people keep dotfiles as symbolic links into a dotfiles folder. Saving through the dashboard
// must change the file the link points to and keep the link; "removed" must mean removed there.
const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const QWEN = "huggingface/Qwen/Qwen3-8B";

const test = base.extend<{ dotfiles: string }>({
  dotfiles: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "hfpd-dotfiles-"));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
});

test("a symlinked .env keeps its link through a save, and a removed token is gone from the linked file", async ({
  request,
  stateDir,
  dotfiles,
  sentinel,
}) => {
  const target = path.join(dotfiles, "openclaw.env");
  const token = "hf_linkedEnvToken000001";
  sentinel.addToken(token);
  await writeFile(target, "# kept in my dotfiles\nOTHER=1\n", { mode: 0o600 });
  await symlink(target, path.join(stateDir, ".env"));

  const saved = await request.put("/api/token", { data: { token } });
  expect(saved.status()).toBe(200);
  expect((await lstat(path.join(stateDir, ".env"))).isSymbolicLink()).toBe(true);
  expect(await readlink(path.join(stateDir, ".env"))).toBe(target);
  expect(await readFile(target, "utf8")).toBe(`# kept in my dotfiles\nOTHER=1\nHF_TOKEN=${token}\n`);

  const removed = await request.delete("/api/token");
  expect(await removed.json()).toMatchObject({ removed: true, status: { configured: false } });
  expect((await lstat(path.join(stateDir, ".env"))).isSymbolicLink()).toBe(true);
  expect(await readFile(target, "utf8")).toBe("# kept in my dotfiles\nOTHER=1\n");
});

test("a symlinked openclaw.json is saved where it points; the link stays and the backup sits beside the link", async ({
  request,
  stateDir,
  dotfiles,
}) => {
  const target = path.join(dotfiles, "openclaw.json");
  const seed = `${JSON.stringify({ agents: { defaults: { model: { primary: R1 } } } }, null, 2)}\n`;
  await writeFile(target, seed, { mode: 0o600 });
  await symlink(target, configFile(stateDir));

  const { response, body } = await patchConfig(request, { primary: QWEN });
  expect(response.status(), JSON.stringify(body)).toBe(200);
  expect((await lstat(configFile(stateDir))).isSymbolicLink()).toBe(true);
  expect(JSON.parse(await readFile(target, "utf8")).agents.defaults.model.primary).toBe(QWEN);
  expect(await readFile(`${configFile(stateDir)}.bak`, "utf8")).toBe(seed);
  const current = await (await request.get("/api/config")).json();
  expect(current.settings.primary).toBe(QWEN);
  expect(current.backups.map((b: { name: string }) => b.name)).toEqual(["openclaw.json.bak"]);
});
