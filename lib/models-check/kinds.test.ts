// The check's classification over the router's real error answers (../shared/reference/recorded,
// when that folder is beside the repository) and the fake's own words for each case.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { classifyUpstreamStatus } from "@/lib/chat/errors";
import { checkAdvice, checkKindOf, type CheckKind } from "./kinds";

interface Recorded {
  case: string;
  status: number;
  body?: string | Record<string, unknown>;
  as_logged?: string | string[];
}

const RECORDED = path.resolve(__dirname, "../../../shared/reference/recorded/errors.json");

/** The body as the router sent it: JSON when it parses, else nothing (text/plain, HTML). */
function bodyOf(entry: Recorded): unknown {
  if (typeof entry.body === "object") return entry.body;
  if (typeof entry.body === "string") {
    try {
      return JSON.parse(entry.body);
    } catch {
      return undefined;
    }
  }
  // Only a client's print of it was recorded: rebuild the object form the note describes.
  if (entry.case.includes("model not served")) return { error: { code: "model_not_supported" } };
  return undefined;
}

/** What a user should be told for each recorded case. */
const EXPECTED: [RegExp, CheckKind][] = [
  [/bad token/, "token_invalid"],
  [/Inference Providers permission/, "no_permission"],
  [/out of credits/, "no_credits"],
  [/model not served/, "model_not_supported"],
  [/no longer serves the model \(410\)/, "model_not_supported"],
  [/unknown model \(404\)/, "model_not_supported"],
  [/provider failure/, "provider_error"],
  [/bad request \(422\)/, "provider_error"],
  [/replayed reasoning/, "provider_error"],
];

describe.runIf(existsSync(RECORDED))("the recorded router errors", () => {
  const entries = (JSON.parse(readFileSync(RECORDED, "utf8")) as Recorded[]).filter((e) => e.status >= 400);

  it("covers every recorded failure with an expectation", () => {
    for (const entry of entries)
      expect(
        EXPECTED.some(([match]) => match.test(entry.case)),
        entry.case,
      ).toBe(true);
  });

  for (const [match, kind] of EXPECTED) {
    it(`${match.source} → ${kind}`, () => {
      const cases = entries.filter((e) => match.test(e.case));
      expect(cases.length).toBeGreaterThan(0);
      for (const entry of cases) expect(checkKindOf(classifyUpstreamStatus(entry.status, bodyOf(entry)))).toBe(kind);
    });
  }
});

describe("the table by status", () => {
  const table: [number, unknown, CheckKind][] = [
    [401, { error: "Invalid username or password." }, "token_invalid"],
    [401, undefined, "token_invalid"], // the HTML page without a credential
    [403, { error: "…sufficient permissions to call Inference Providers…" }, "no_permission"],
    [402, { error: "You have exceeded your monthly included credits…" }, "no_credits"],
    [400, { error: { code: "model_not_supported" } }, "model_not_supported"],
    [400, { error: { code: "model_not_found" } }, "model_not_supported"],
    [429, undefined, "rate_limited"],
    [500, { error: { code: null, type: "server_error" } }, "provider_error"],
    [503, { error: "Service Unavailable" }, "provider_error"],
    [502, { detail: "Bad gateway" }, "provider_error"],
    [504, { message: "Gateway timeout" }, "timeout"],
    [408, undefined, "timeout"],
  ];
  for (const [status, body, kind] of table)
    it(`${status} ${JSON.stringify(body) ?? ""} → ${kind}`, () =>
      expect(checkKindOf(classifyUpstreamStatus(status, body))).toBe(kind));

  it("failures without an answer", () => {
    expect(checkKindOf("timeout")).toBe("timeout");
    expect(checkKindOf("unreachable")).toBe("unreachable");
    expect(checkKindOf("midstream")).toBe("provider_error");
  });
});

describe("what to do next", () => {
  const result = (kind: CheckKind) => ({
    kind,
    ref: "huggingface/openai/gpt-oss-120b:groq",
    provider: null,
    ttftMs: null,
  });

  it("links where each problem is fixed, and the ref on the Models page", () => {
    expect(checkAdvice(result("token_invalid")).href).toBe("/token");
    expect(checkAdvice(result("no_credits")).href).toBe("https://huggingface.co/settings/billing");
    expect(checkAdvice(result("model_not_supported")).href).toBe("https://huggingface.co/settings/inference-providers");
    expect(checkAdvice(result("no_permission")).href).toMatch(/^https:\/\/huggingface\.co\/settings\/tokens/);
    expect(checkAdvice(result("timeout")).modelsHref).toBe("/models?model=openai%2Fgpt-oss-120b");
  });

  it("says who served a working ref and how fast", () => {
    expect(checkAdvice({ ...result("ok"), provider: "groq", ttftMs: 41.6 }).title).toBe(
      "Working via groq, first token in 42 ms",
    );
  });
});
