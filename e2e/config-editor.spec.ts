import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "./fixtures";
import { readConfigJson, readConfigText, writeConfig } from "./support/config-files";
import { expectNoSeriousAxeViolation } from "./support/axe";
import { editor, setEditorText } from "./support/config-editor";

// The Config page's whole-file editor and its import: typed edits with live parse errors, the
// server's review (diff, verdict, kept secrets, the comments notice), the save on disk with the
// secrets the page only ever showed masked, a file changed meanwhile, and the documentation's
// examples merged or replaced into the editor. The sentinel fails any test whose secrets reach the browser.
const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const QWEN = "huggingface/Qwen/Qwen3-8B";
const LLAMA = "huggingface/meta-llama/Llama-3.3-70B-Instruct";
const GATEWAY_SECRET = "gw-editor-spec-secret-0123456789";
const OPENAI_KEY = "sk-openai-editor-spec-0123456789";
const MASK = "••••••••";

const FILE = {
  gateway: { mode: "local", auth: { mode: "token", token: GATEWAY_SECRET } },
  env: { vars: { OPENAI_API_KEY: OPENAI_KEY } },
  agents: {
    defaults: {
      model: { primary: LLAMA, fallbacks: [QWEN] },
      models: { [LLAMA]: { alias: "Llama 3.3" }, [QWEN]: { alias: "Qwen" } },
    },
  },
};

test.beforeEach(({ sentinel }) => {
  sentinel.addToken(GATEWAY_SECRET);
  sentinel.addToken(OPENAI_KEY);
});

test("edit the whole file: a live parse error, the review, the save; the secrets stay on disk", async ({
  page,
  stateDir,
}) => {
  await writeConfig(stateDir, `${JSON.stringify(FILE, null, 2)}\n`);
  // The editor's code (CodeMirror) is not part of the page until Edit is clicked.
  const scripts: string[] = [];
  page.on("response", async (response) => {
    if (response.url().endsWith(".js")) scripts.push(await response.text().catch(() => ""));
  });
  await page.goto("/config");
  await expect(page.getByTestId("config-file")).toContainText(MASK);
  await expect.poll(() => scripts.length).toBeGreaterThan(0);
  expect(scripts.some((s) => s.includes("cm-gutters"))).toBe(false);

  await page.getByRole("button", { name: "Edit", exact: true }).click();
  await expect(editor(page)).toContainText(`"primary": "${LLAMA}"`);
  await expect(editor(page)).toContainText(MASK);
  expect(scripts.some((s) => s.includes("cm-gutters"))).toBe(true);
  await expect(page.getByText("Masked values (••••••••) keep the saved secret")).toBeVisible();

  const state = await (await page.request.get("/api/config")).json();
  await setEditorText(page, state.text.replace(`"primary": "${LLAMA}"`, `"primary": "${R1}"`));
  const status = page.getByTestId("editor-parse");
  await expect(status).toHaveText("The text parses as JSON5.");

  // A stray character at the end: the error says where, and goes away with it.
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type("x");
  await expect(status).toHaveText(/^Line \d+, column \d+: invalid character 'x'/);
  await expect(page.getByRole("button", { name: "Save" })).toBeDisabled();
  await page.keyboard.press("Backspace");
  await expect(status).toHaveText("The text parses as JSON5.");

  await page.getByRole("button", { name: "Review changes" }).click();
  const review = page.getByTestId("editor-review");
  await expect(review.getByTestId("editor-verdict")).toContainText(
    "The dashboard's own copy of OpenClaw's schema finds no problem",
  );
  const diff = review.getByTestId("editor-diff");
  await expect(diff.locator("tr[data-kind=add]").filter({ hasText: `"primary": "${R1}"` })).toHaveCount(1);
  await expect(diff.locator("tr[data-kind=remove]").filter({ hasText: `"primary": "${LLAMA}"` })).toHaveCount(1);
  await expect(review.getByTestId("editor-kept-secrets")).toHaveText("2 masked values keep their saved secrets.");
  await expect(review.getByTestId("editor-reformats")).toHaveCount(0);

  // An edit after the review makes it stale: save waits for a new review.
  await editor(page).click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(" ");
  await expect(page.getByRole("button", { name: "Save" })).toBeDisabled();
  await expect(review).toHaveAttribute("data-stale", "true");
  await page.keyboard.press("Backspace");
  await expect(review).toHaveAttribute("data-stale", "false");

  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("editor-saved")).toContainText("Saved to openclaw.json");
  await expect(editor(page)).toHaveCount(0);
  await expect(page.getByTestId("config-file")).toContainText(`"primary": "${R1}"`);

  const saved = await readConfigJson(stateDir);
  expect(saved.agents.defaults.model).toEqual({ primary: R1, fallbacks: [QWEN] });
  expect(saved.gateway.auth.token).toBe(GATEWAY_SECRET);
  expect(saved.env.vars.OPENAI_API_KEY).toBe(OPENAI_KEY);
  const html = await page.content();
  expect(html).not.toContain(GATEWAY_SECRET);
  expect(html).not.toContain(OPENAI_KEY);
});

test("a JSON5 file with comments: the review says it is saved as plain JSON; a file changed meanwhile is loaded on request", async ({
  page,
  stateDir,
}) => {
  await writeConfig(
    stateDir,
    `{
  // my notes
  gateway: { mode: "local", auth: { mode: "token", token: "${GATEWAY_SECRET}" } },
  agents: { defaults: { model: { primary: "${LLAMA}" } } },
}
`,
  );
  await page.goto("/config");
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  await expect(editor(page)).toContainText("// my notes");
  await setEditorText(
    page,
    `{
  // my notes
  gateway: { mode: "local", auth: { mode: "token", token: "${MASK}" } },
  agents: { defaults: { model: { primary: "${R1}" } } },
}
`,
  );
  await page.getByRole("button", { name: "Review changes" }).click();
  await expect(page.getByTestId("editor-reformats")).toHaveText(
    "This file has comments or JSON5 syntax. OpenClaw's own writes strip them, and so does this save: it is written as plain JSON.",
  );
  await expect(page.getByTestId("editor-kept-secrets")).toHaveText("1 masked value keeps its saved secret.");

  // Another program writes the file between the review and the save.
  await writeConfig(stateDir, { gateway: { mode: "local" }, agents: { defaults: { model: { primary: QWEN } } } });
  await page.getByRole("button", { name: "Save" }).click();
  const conflict = page.getByTestId("editor-conflict");
  await expect(conflict).toContainText("openclaw.json changed on disk");
  expect((await readConfigJson(stateDir)).agents.defaults.model.primary).toBe(QWEN);
  await expect(editor(page)).toContainText(`"${R1}"`);
  await conflict.getByRole("button", { name: "Load the current file" }).click();
  await expect(editor(page)).toContainText(`"primary": "${QWEN}"`);
  await conflict.getByRole("button", { name: "Put my text back" }).click();
  await expect(editor(page)).toContainText(`"${R1}"`);

  // Cancel with edits asks first.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(editor(page)).toHaveCount(0);
  await expect(page.getByTestId("config-file")).toContainText(QWEN);
});

test("import the documentation's examples: merge into the editor, then replace and save", async ({
  page,
  stateDir,
}) => {
  await writeConfig(stateDir, `${JSON.stringify(FILE, null, 2)}\n`);
  await page.goto("/config");
  await page.getByRole("button", { name: "Import…" }).click();
  const panel = page.getByTestId("import-panel");
  await panel.getByRole("radio", { name: /DeepSeek R1 with a Qwen fallback/ }).check();
  await expect(panel.getByTestId("import-example-text")).toContainText('fallbacks: ["huggingface/Qwen/Qwen3-8B"]');
  await panel.getByRole("radio", { name: /Merge into model settings/ }).check();
  await expect(panel.getByRole("radio", { name: /Replace the whole file/ })).toHaveCount(0);
  await panel.getByRole("button", { name: "Put into the editor" }).click();
  await expect(panel).toHaveCount(0);
  // Merged: R1 is the primary, Qwen stays the one fallback, the entries are merged per ref.
  await expect(editor(page)).toContainText(`"primary": "${R1}"`);
  await page.getByRole("button", { name: "Review changes" }).click();
  const diff = page.getByTestId("editor-diff");
  await expect(diff.locator("tr[data-kind=add]").filter({ hasText: `"${R1}": {` })).toHaveCount(1);
  await expect(diff.locator("tr[data-kind=add]").filter({ hasText: '"alias": "Qwen3 8B"' })).toHaveCount(1);
  await expect(diff.locator("tr[data-kind=remove]").filter({ hasText: `"${LLAMA}": {` })).toHaveCount(0);

  // Replace, on top of the editor's text: the examples' model settings replace the merged ones.
  await page.getByRole("button", { name: "Import…" }).click();
  await panel.getByRole("radio", { name: /Force a backend/ }).check();
  await panel.getByRole("radio", { name: /Replace model settings/ }).check();
  await panel.getByRole("button", { name: "Put into the editor" }).click();
  await expect(editor(page)).toContainText(`"primary": "${R1}:together"`);
  await page.getByRole("button", { name: "Review changes" }).click();
  await expect(page.getByTestId("editor-review")).toBeVisible();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("editor-saved")).toContainText("Saved");

  const saved = await readConfigJson(stateDir);
  expect(saved.agents.defaults).toEqual({
    model: { primary: `${R1}:together` },
    models: { [`${R1}:together`]: { alias: "DeepSeek R1 (Together)" } },
  });
  expect(saved.gateway.auth.token).toBe(GATEWAY_SECRET);
  expect(saved.env.vars.OPENAI_API_KEY).toBe(OPENAI_KEY);
});

test("import a pasted config with comments, refuse a file over 2 MB; edit mode passes axe", async ({
  page,
  stateDir,
}) => {
  await page.goto("/config");
  await expect(page.getByText("There is no openclaw.json yet")).toBeVisible();
  await page.getByRole("button", { name: "Import…" }).click();
  const panel = page.getByTestId("import-panel");
  await panel.getByRole("radio", { name: "Upload a file (.json, .json5)" }).check();
  await panel.getByLabel("File to import (at most 2 MB)").setInputFiles({
    name: "huge.json",
    mimeType: "application/json",
    buffer: Buffer.alloc(2 * 1024 * 1024 + 1, " "),
  });
  await expect(panel.getByTestId("import-error")).toContainText("the limit is 2 MB");

  await panel.getByRole("radio", { name: "Paste a config" }).check();
  await panel.getByLabel("Config to import (JSON or JSON5)").fill(`{
  // from a colleague
  gateway: { mode: "remote" },
  agents: { defaults: { model: { primary: "${QWEN}" } } },
}`);
  await panel.getByRole("radio", { name: /Replace model settings/ }).check();
  await panel.getByRole("button", { name: "Put into the editor" }).click();
  const notes = page.getByTestId("import-notes");
  await expect(notes).toContainText("gateway (ignored: only model settings are imported)");
  await expect(notes).toContainText("The imported text had comments: they are lost");
  await expect(editor(page)).toContainText(`"primary": "${QWEN}"`);
  await expect(editor(page)).not.toContainText("from a colleague");

  await page.getByRole("button", { name: "Import…" }).click();
  await expectNoSeriousAxeViolation(page);
  await page.getByRole("button", { name: "Close import" }).click();
  await page.getByRole("button", { name: "Review changes" }).click();
  await expect(page.getByTestId("editor-review")).toBeVisible();
  await expectNoSeriousAxeViolation(page);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("editor-saved")).toContainText("Saved");
  expect(await readConfigText(stateDir)).toContain(`"primary": "${QWEN}"`);
});

test("a file that does not parse is repaired in the editor; its secret behind the mask stays, the broken file becomes .bak", async ({
  page,
  stateDir,
}) => {
  const broken = `{\n  gateway: { mode: "local", auth: { mode: "token", token: "${GATEWAY_SECRET}" } }\n  agents: { defaults: { model: { primary: "${R1}" } } },\n}\n`;
  await writeConfig(stateDir, broken);
  await page.goto("/config");
  await expect(page.getByTestId("parse-problem")).toContainText("line 3");
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  const status = page.getByTestId("editor-parse");
  await expect(status).toHaveText(/^Line 3, column 3: /);
  // The missing comma, typed at the end of line 2.
  await editor(page).getByText(`auth: { mode: "token", token: "${MASK}" } }`).click();
  await page.keyboard.press("End");
  await page.keyboard.type(",");
  await expect(status).toHaveText("The text parses as JSON5.");
  await page.getByRole("button", { name: "Review changes" }).click();
  await expect(page.getByTestId("editor-kept-secrets")).toHaveText("1 masked value keeps its saved secret.");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("editor-saved")).toContainText("Saved to openclaw.json");
  await expect(page.getByTestId("parse-problem")).toHaveCount(0);
  const saved = await readConfigJson(stateDir);
  expect(saved.gateway.auth.token).toBe(GATEWAY_SECRET);
  expect(saved.agents.defaults.model.primary).toBe(R1);
  expect(await readFile(path.join(stateDir, "openclaw.json.bak"), "utf8")).toBe(broken);
});
