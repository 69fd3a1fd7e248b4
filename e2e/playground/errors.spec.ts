import { ANSWER_PIECES, answerText, split } from "../fake-hf/chat-content";
import type { Scenario } from "../fake-hf/server";
import { expect, test } from "../fixtures";
import { TOKEN, chooseModel, lastAnswer, openPlayground, send } from "./helpers";

// Every upstream failure gets our own message and what to do; upstream text never shows.
test.use({ appEnv: { HF_TOKEN: TOKEN } });

const MODEL = "meta-llama/Llama-3.3-70B-Instruct";
const PROVIDER = "cerebras"; // the fastest: what Auto picks for MODEL
const pieces = (text: string) => split(answerText(PROVIDER, text), ANSWER_PIECES);

const HTTP_FAILURES: { scenario: Scenario["chat"]; status: number; title: string; action: RegExp; href?: string }[] = [
  { scenario: "error-401", status: 401, title: "The token is invalid", action: /Token page/, href: "/token" },
  {
    scenario: "error-403",
    status: 403,
    title: "The token lacks the Inference Providers permission",
    action: /Make calls to Inference Providers/,
    href: "https://huggingface.co/settings/tokens",
  },
  {
    scenario: "error-402",
    status: 402,
    title: "Out of credits",
    action: /credits or subscribe to PRO/,
    href: "https://huggingface.co/settings/billing",
  },
  { scenario: "error-429", status: 429, title: "Rate limited", action: /retry/ },
  {
    scenario: "error-400",
    status: 400,
    title: "No enabled provider serves this model",
    action: /another provider or policy/,
  },
  { scenario: "error-500", status: 500, title: "The provider failed", action: /fallback/ },
  { scenario: "error-503", status: 503, title: "The provider failed", action: /fallback/ },
  { scenario: "error-detail", status: 502, title: "The provider failed", action: /fallback/ },
  { scenario: "error-message", status: 504, title: "Timed out", action: /Retry/ },
];

test("each upstream HTTP failure gets a clear message and what to do", async ({ page, fake }) => {
  await openPlayground(page);
  await chooseModel(page, MODEL);
  for (const failure of HTTP_FAILURES) {
    await test.step(failure.scenario, async () => {
      fake.setScenario({ chat: failure.scenario });
      await send(page, `Try ${failure.scenario}`);
      const error = lastAnswer(page).getByTestId("chat-error");
      await expect(error).toContainText(failure.title);
      await expect(error).toContainText(`Router status ${failure.status}`);
      const action = error.getByText(failure.action);
      await expect(action).toBeVisible();
      if (failure.href)
        await expect(error.getByRole("link", { name: failure.action })).toHaveAttribute("href", failure.href);
      await expect(page.getByTestId("chat-status")).toHaveText(`Failed: ${failure.title}.`);
    });
  }
  // None of the router's own texts reached the page.
  const body = await page.locator("body").textContent();
  for (const upstreamText of [
    "Invalid username or password",
    "sufficient permissions",
    "Subscribe to PRO",
    "Rate limit reached",
    "is not supported by any provider",
    "internal error",
    "Service Unavailable",
    "invalid response",
    "Provider timed out",
  ]) {
    expect(body).not.toContain(upstreamText);
  }
});

test("the 401 link leads to the Token page", async ({ page, fake }) => {
  fake.setScenario({ chat: "error-401" });
  await openPlayground(page);
  await chooseModel(page, MODEL);
  await send(page, "Hi");
  await lastAnswer(page)
    .getByRole("link", { name: /Token page/ })
    .click();
  await expect(page).toHaveURL(/\/token$/);
});

test("an error in mid-stream keeps the partial answer and shows the error under it", async ({ page, fake }) => {
  await openPlayground(page);
  await chooseModel(page, MODEL);
  for (const scenario of ["midstream-error", "midstream-error-string", "reset-midstream"] as const) {
    await test.step(scenario, async () => {
      fake.setScenario({ chat: scenario });
      await send(page, scenario);
      const answer = lastAnswer(page);
      await expect(answer).toHaveAttribute("data-status", "error");
      await expect(answer.getByTestId("answer-content")).toHaveText(pieces(scenario).slice(0, 3).join(""));
      await expect(answer.getByTestId("chat-error")).toContainText("The answer broke off");
      await expect(answer.getByTestId("chat-error")).toContainText("kept above");
    });
  }
  await expect(page.locator("body")).not.toContainText("Provider disconnected unexpectedly");
});

test("a malformed event is skipped and the answer completes", async ({ page, fake }) => {
  fake.setScenario({ chat: "malformed-sse" });
  await openPlayground(page);
  await chooseModel(page, MODEL);
  await send(page, "Hi");
  const answer = lastAnswer(page);
  await expect(answer).toHaveAttribute("data-status", "done");
  await expect(answer.getByTestId("answer-content")).toHaveText(answerText(PROVIDER, "Hi"));
  await expect(answer.getByTestId("answer-stats")).toContainText(
    "1 unreadable event(s) from the provider were skipped.",
  );
});

test("an upstream error that echoes the token never shows it", async ({ page, fake }) => {
  fake.setScenario({ chat: "echo-token-error" });
  await openPlayground(page);
  await chooseModel(page, MODEL);
  await send(page, "Hi");
  await expect(lastAnswer(page).getByTestId("chat-error")).toContainText("The provider failed");
  expect(await page.content()).not.toContain(TOKEN);
  expect(await page.content()).not.toContain("Bearer hf_");
  // (The sentinel fixture also scans every response, storage and the app's logs for the token.)
});

test.describe("with a short router timeout", () => {
  test.use({ appEnv: { HF_TOKEN: TOKEN, HF_CHAT_TIMEOUT_MS: "1500" } });

  test("a router that never answers times out and the upstream call is aborted", async ({ page, fake }) => {
    fake.setScenario({ chat: "hang" });
    await openPlayground(page);
    await chooseModel(page, MODEL);
    await send(page, "Hi");
    const error = lastAnswer(page).getByTestId("chat-error");
    await expect(error).toContainText("Timed out");
    await expect(error).toContainText("did not answer in time");
    await expect.poll(() => fake.requests().find((r) => r.path === "/v1/chat/completions")?.aborted).toBe(true);
  });

  test("a provider that goes silent mid-answer times out, keeping what arrived", async ({ page, fake }) => {
    fake.setScenario({ chat: "hang-after-first" });
    await openPlayground(page);
    await chooseModel(page, MODEL);
    await send(page, "Hi");
    const answer = lastAnswer(page);
    await expect(answer.getByTestId("chat-error")).toContainText("Timed out");
    await expect(answer.getByTestId("answer-content")).toHaveText(pieces("Hi")[0]);
  });
});

test.describe("with the router unreachable", () => {
  test.use({ appEnv: { HF_TOKEN: TOKEN, HF_ROUTER_URL: "http://127.0.0.1:9/v1" } });

  test("the page says the router cannot be reached", async ({ page }) => {
    await openPlayground(page);
    await chooseModel(page, MODEL);
    await send(page, "Hi");
    await expect(lastAnswer(page).getByTestId("chat-error")).toContainText("The router is unreachable");
  });
});
