import http from "node:http";
import type { FakeHf } from "../fake-hf/server";
import { expect, test } from "../fixtures";
import { TOKEN, chooseModel, lastAnswer, openPlayground, send } from "../playground/helpers";
import { listeningPid, residentBytes } from "../support/process-memory";

// A browser that leaves in the middle of an answer: the dashboard must abort its upstream call at
// once (the router bills tokens until then) and keep nothing of the abandoned stream in memory.
// The router here sends one event and then goes silent (`hang-after-first`), so only the client
// leaving can end the upstream call well before the 60 s silence timeout.
test.use({ appEnv: { HF_TOKEN: TOKEN } });

const MODEL = "meta-llama/Llama-3.3-70B-Instruct";
const MB = 1024 * 1024;
const chatCalls = (fake: FakeHf) => fake.requests().filter((r) => r.path === "/v1/chat/completions");

test("closing the tab in mid-answer aborts the upstream call promptly", async ({ page, fake }) => {
  fake.setScenario({ chat: "hang-after-first" });
  await openPlayground(page);
  await chooseModel(page, MODEL);
  await send(page, "Tell me a long story");
  await expect(lastAnswer(page).getByTestId("answer-content")).not.toBeEmpty();
  expect(chatCalls(fake)).toHaveLength(1);
  expect(chatCalls(fake)[0]).toMatchObject({ aborted: false, finished: false });

  await page.close();
  await expect.poll(() => chatCalls(fake)[0].aborted, { timeout: 5_000 }).toBe(true);
});

/** POST /api/chat from a bare HTTP client that hangs up as soon as the first bytes arrive. */
function openAndAbandon(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port, path: "/api/chat", method: "POST", headers: { "content-type": "application/json" } },
      (response) => {
        if (response.statusCode !== 200) return reject(new Error(`POST /api/chat answered ${response.statusCode}`));
        response.once("data", () => {
          request.destroy();
          resolve();
        });
      },
    );
    request.on("error", (error) => {
      if (!request.destroyed) reject(error);
    });
    request.end(JSON.stringify({ model: MODEL, messages: [{ role: "user", content: "Hi" }] }));
  });
}

async function abandonMany(port: number, count: number, concurrency = 10): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next++;
        await openAndAbandon(port);
      }
    }),
  );
}

test("200 abandoned streams: every upstream call is aborted and the server's memory does not keep growing", async ({
  app,
  fake,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  fake.setScenario({ chat: "hang-after-first" });
  const pid = await listeningPid(app.port);
  const aborted = () => chatCalls(fake).filter((r) => r.aborted).length;

  // Warm-up: code paths compiled, pools and caches filled.
  await abandonMany(app.port, 50);
  await expect.poll(aborted).toBe(50);
  const warm = await residentBytes(pid);

  await abandonMany(app.port, 200);
  await expect.poll(aborted).toBe(250);
  const after = await residentBytes(pid);

  const calls = chatCalls(fake);
  expect(calls).toHaveLength(250);
  expect(calls.filter((r) => r.finished)).toHaveLength(0);
  testInfo.annotations.push({
    type: "rss",
    description: `server ${pid}: ${(warm / MB).toFixed(1)} MB after 50 warm-up streams, ${(after / MB).toFixed(1)} MB after 200 more`,
  });
  expect(after - warm, `RSS ${(warm / MB).toFixed(1)} MB → ${(after / MB).toFixed(1)} MB`).toBeLessThan(60 * MB);

  // Still serving: a chat that is not abandoned completes.
  fake.setScenario({ chat: "ok" });
  expect((await request.get("/api/health")).status()).toBe(200);
  const text = await (
    await request.post("/api/chat", { data: { model: MODEL, messages: [{ role: "user", content: "Hi" }] } })
  ).text();
  expect(
    text
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line))
      .at(-1),
  ).toMatchObject({ type: "done" });
});
