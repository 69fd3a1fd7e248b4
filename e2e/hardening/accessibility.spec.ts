import AxeBuilder from "@axe-core/playwright";
import { test, expect } from "../fixtures";
import { writeAgentConfig } from "../support/config-files";

// axe-core on every page, in light and dark, with a token and a configured model so the pages
// show their full content: no serious or critical violation. Besides the default rules, the
// experimental label-content-name-mismatch: a control's accessible name contains its visible text
// (WCAG 2.5.3), so a speech user can say what they see.
const PAGES = ["/", "/token", "/models", "/playground", "/config"];
const EXTRA_RULES = { "label-content-name-mismatch": { enabled: true } };

test.use({ appEnv: { HF_TOKEN: "hf_AccessibilityCheck0123456789ab" } });

for (const url of PAGES) {
  test(`no serious or critical axe violation on ${url} (light and dark)`, async ({ page, stateDir }) => {
    await writeAgentConfig(stateDir, {
      primary: "huggingface/deepseek-ai/DeepSeek-R1",
      fallbacks: ["huggingface/openai/gpt-oss-120b:cheapest"],
      aliases: { "huggingface/deepseek-ai/DeepSeek-R1": "Hugging Face" },
    });
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // Let client data (token status, catalog, config) arrive so the full page is checked.
    await expect(page.getByText(/Loading|Checking…/)).toHaveCount(0);
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const results = await new AxeBuilder({ page }).options({ rules: EXTRA_RULES }).analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(
        serious.map(
          (v) =>
            `${url} ${scheme}: ${v.id} (${v.impact}) ${v.nodes
              .map((n) => n.target.join(" "))
              .slice(0, 3)
              .join(", ")}`,
        ),
      ).toEqual([]);
    }
  });
}
