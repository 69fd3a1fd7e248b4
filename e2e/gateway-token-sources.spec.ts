import { expect, test } from "./fixtures";
import { writeConfig } from "./support/config-files";

// The Token page says where the agent's Gateway will read the token, in OpenClaw's order, and
// warns when the token in effect lives only in the dashboard's own process environment.
test.describe("a token only in the dashboard's environment", () => {
  test.use({ appEnv: { HF_TOKEN: "hf_onlyInDashboardEnv01" } });

  test("is flagged: a Gateway run as a service would not see it; saving it to .env clears the warning", async ({
    page,
  }) => {
    await page.goto("/token");
    const card = page.getByTestId("gateway-token-sources");
    await expect(card.getByTestId("gateway-token-warning")).toContainText(
      "The token in effect (HF_TOKEN) exists only in the dashboard's own environment",
    );
    await expect(card.getByTestId("gateway-token-service")).toHaveText(
      "A Gateway run as a service finds no Hugging Face token.",
    );
    const places = card.locator("li[data-present=true]");
    await expect(places).toHaveCount(1);
    await expect(places.first()).toHaveAttribute("data-place", "process-env");
    await expect(places.first()).toContainText("hf_…nv01");

    await page.getByLabel("Hugging Face token", { exact: true }).fill("hf_savedForTheGateway02");
    await page.getByRole("button", { name: /^Check and (save|replace)$/ }).click();
    await expect(card.getByTestId("gateway-token-warning")).toHaveCount(0);
    await expect(card.getByTestId("gateway-token-service")).toHaveText(
      "A Gateway run as a service uses HF_TOKEN from the state folder's .env.",
    );
  });
});

test.describe("HUGGINGFACE_HUB_TOKEN in env.vars", () => {
  test.use({ appEnv: { HF_TOKEN: "hf_dashboardEnvToken03" } });

  test("is what a service Gateway uses; no warning", async ({ page, stateDir }) => {
    await writeConfig(stateDir, { env: { vars: { HUGGINGFACE_HUB_TOKEN: "hf_configEnvVarsToken04" } } });
    await page.goto("/token");
    const card = page.getByTestId("gateway-token-sources");
    await expect(card.getByTestId("gateway-token-service")).toHaveText(
      "A Gateway run as a service uses HUGGINGFACE_HUB_TOKEN from env.vars in openclaw.json.",
    );
    await expect(card.getByTestId("gateway-token-warning")).toHaveCount(0);
    await expect(card.locator("li[data-place=config-env-vars][data-present=true]")).toContainText("hf_…en04");
  });
});
