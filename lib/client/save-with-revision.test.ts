import { afterEach, describe, expect, it, vi } from "vitest";
import type { ConfigStateBody } from "@/lib/openclaw-config/api-types";
import { ApiError } from "./fetcher";
import { FileChangedError, sendWithRevision } from "./save-with-revision";

const CURRENT = { revision: "b".repeat(32), settings: { primary: "huggingface/x/y" } } as unknown as ConfigStateBody;

function answer(status: number, body: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status }));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

const write = { url: "/api/config", method: "PATCH" as const, json: { primary: "huggingface/a/b" }, revision: "a1" };

afterEach(() => vi.unstubAllGlobals());

describe("sendWithRevision", () => {
  it("sends the revision quoted in If-Match and the change as JSON", async () => {
    const fetch = answer(200, CURRENT);
    await expect(sendWithRevision(write)).resolves.toEqual(CURRENT);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/config");
    expect(init.method).toBe("PATCH");
    expect(init.headers).toMatchObject({ "if-match": '"a1"', "content-type": "application/json" });
    expect(init.body).toBe(JSON.stringify(write.json));
  });

  it("turns a 409 with the current file into a FileChangedError carrying it", async () => {
    answer(409, { error: { code: "conflict", message: "openclaw.json changed", details: { current: CURRENT } } });
    const error = await sendWithRevision(write).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileChangedError);
    expect(error).toMatchObject({ status: 409, code: "conflict", message: "openclaw.json changed", current: CURRENT });
  });

  it("leaves other failures as they are, a 409 without the file too", async () => {
    answer(409, { error: { code: "conflict", message: "changed" } });
    const conflict = await sendWithRevision(write).catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(ApiError);
    expect(conflict).not.toBeInstanceOf(FileChangedError);

    answer(422, { error: { code: "config_invalid", message: "Not saved", details: { issues: [] } } });
    await expect(sendWithRevision(write)).rejects.toMatchObject({ status: 422, code: "config_invalid" });
  });
});
