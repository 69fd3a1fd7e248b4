import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "../fixtures";
import { TOKEN } from "./helpers";

// Every real router stream recorded in ../shared/reference/recorded (read there at test time, never
// copied into the repo) is replayed byte for byte by the fake and goes through POST /api/chat: the
// answer, the reasoning, the usage and the finish reason must be what the recording holds, read here
// with a plain whole-file parser that shares nothing with the dashboard's streaming one.
test.use({ appEnv: { HF_TOKEN: TOKEN } });

const RECORDED = path.resolve(process.cwd(), "..", "shared", "reference", "recorded");

async function streamFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".sse"))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

interface Expected {
  content: string;
  reasoning: string;
  usage?: { promptTokens: number; completionTokens: number; totalTokens: number };
  finishReason: string | null;
}

const REASONING_FIELDS = ["reasoning_content", "reasoning", "reasoning_text"];

/** The recording read whole: every `data:` payload (with or without the space), inline <think> split off. */
function expectedFrom(text: string): Expected {
  let content = "";
  let reasoning = "";
  let usage: Expected["usage"];
  let finishReason: string | null = null;
  for (const block of text.split(/\r?\n\r?\n/)) {
    const data = block
      .split(/\r?\n/)
      .filter((line) => line.startsWith("data:"))
      .map((line) => line.slice(5).replace(/^ /, ""))
      .join("\n");
    if (data === "" || data === "[DONE]") continue;
    const chunk = JSON.parse(data);
    const choice = chunk.choices?.[0];
    const delta = choice?.delta ?? {};
    const field = REASONING_FIELDS.find((f) => typeof delta[f] === "string" && delta[f] !== "");
    if (field) reasoning += delta[field];
    if (typeof delta.content === "string") content += delta.content;
    if (typeof choice?.finish_reason === "string") finishReason = choice.finish_reason;
    if (chunk.usage)
      usage = {
        promptTokens: chunk.usage.prompt_tokens,
        completionTokens: chunk.usage.completion_tokens,
        totalTokens: chunk.usage.total_tokens,
      };
  }
  const think = /^\s*<think>([\s\S]*?)<\/think>([\s\S]*)$/.exec(content);
  if (think) {
    reasoning += think[1].trimStart();
    content = think[2].trimStart();
  }
  return { content, reasoning, usage, finishReason };
}

async function contentTypeOf(file: string): Promise<string> {
  const meta = JSON.parse(await readFile(`${file}.meta.json`, "utf8"));
  const headers: Record<string, string | string[]> = meta.headers ?? {};
  const value = Object.entries(headers).find(([name]) => name.toLowerCase() === "content-type")?.[1];
  return (Array.isArray(value) ? value[0] : value) ?? "text/event-stream";
}

test("every recorded router stream comes through the chat route with its answer, reasoning and usage", async ({
  request,
  fake,
}) => {
  expect(
    existsSync(RECORDED),
    `${RECORDED} is missing: this test replays the real router recordings kept beside the project in ../shared (CI has them); they are never copied into the repository.`,
  ).toBe(true);
  const files = await streamFiles(RECORDED);
  expect(files.length, `no *.sse recording under ${RECORDED}`).toBeGreaterThan(0);
  for (const file of files) {
    await test.step(path.relative(RECORDED, file), async () => {
      const body = await readFile(file);
      const expected = expectedFrom(body.toString("utf8"));
      expect(expected.content.length).toBeGreaterThan(0); // the reference parser did read something
      fake.serveRecording({ status: 200, contentType: await contentTypeOf(file), body });
      const response = await request.post("/api/chat", {
        data: { model: "meta-llama/Llama-3.3-70B-Instruct", messages: [{ role: "user", content: "Hi" }] },
      });
      expect(response.status()).toBe(200);
      const events = (await response.text())
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line));
      const text = (type: string) =>
        events
          .filter((e) => e.type === type)
          .map((e) => e.text)
          .join("");
      expect(text("content")).toBe(expected.content);
      expect(text("reasoning")).toBe(expected.reasoning);
      expect(events.filter((e) => e.type === "usage").at(-1)?.usage).toEqual(expected.usage);
      expect(events.at(-1)).toEqual({ type: "done", finishReason: expected.finishReason, skipped: 0 });
    });
  }
  expect(fake.requests().filter((r) => r.path === "/v1/chat/completions")).toHaveLength(files.length);
});
