import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { errorResponse, handle, readIfMatch, readJsonBody, readQuery } from "./http";

const withHeaders = (headers: Record<string, string>, url = "http://localhost/api/x") =>
  new Request(url, { method: "POST", headers });

function caught(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("did not throw");
}

describe("readIfMatch", () => {
  it("accepts a quoted, weak or bare revision", () => {
    expect(readIfMatch(withHeaders({ "if-match": '"abc-1.2"' }))).toBe("abc-1.2");
    expect(readIfMatch(withHeaders({ "if-match": 'W/"abc"' }))).toBe("abc");
    expect(readIfMatch(withHeaders({ "if-match": "abc" }))).toBe("abc");
  });
  it("is 428 when missing and 400 when it is not a revision", () => {
    expect(caught(() => readIfMatch(withHeaders({}))).status).toBe(428);
    const bad = caught(() => readIfMatch(withHeaders({ "if-match": '"a b"' })));
    expect([bad.status, bad.code]).toEqual([400, "invalid_body"]);
  });
});

describe("readQuery", () => {
  const schema = z.strictObject({ refresh: z.enum(["1", "0"]).optional() });
  const hint = "Use ?refresh=1.";
  it("parses the query with the schema", () => {
    expect(readQuery(new Request("http://localhost/api/m?refresh=1"), schema, hint)).toEqual({ refresh: "1" });
    expect(readQuery(new Request("http://localhost/api/m"), schema, hint)).toEqual({});
  });
  it("refuses unknown keys, bad values and __proto__ with the hint", () => {
    for (const query of ["?other=1", "?refresh=2", "?__proto__=1", "?constructor=x"]) {
      const error = caught(() => readQuery(new Request(`http://localhost/api/m${query}`), schema, hint));
      expect([error.status, error.code, error.message], query).toEqual([400, "invalid_query", hint]);
    }
  });
});

describe("errors carry their headers", () => {
  it("errorResponse sends an AppError's headers with its body and status", async () => {
    const response = errorResponse(
      new AppError("too_many_requests", "Wait.", { retryAfterSeconds: 7 }, { headers: { "retry-after": "7" } }),
    );
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      error: { code: "too_many_requests", message: "Wait.", details: { retryAfterSeconds: 7 } },
    });
  });
  it("handle turns a thrown AppError into its answer, and anything else into a 500 without its message", async () => {
    const refused = await handle(async () => {
      throw new AppError("forbidden_origin", "No.");
    })();
    expect(refused.status).toBe(403);
    const crashed = await handle(async () => {
      throw new Error("hf_secretToken in a message");
    })();
    expect(crashed.status).toBe(500);
    expect(await crashed.text()).not.toContain("hf_secret");
  });
  it("readJsonBody refuses a non-JSON content type with 415", async () => {
    const request = new Request("http://localhost/api/x", {
      method: "POST",
      body: "{}",
      headers: { "content-type": "text/plain" },
    });
    await expect(readJsonBody(request, z.object({}))).rejects.toMatchObject({ status: 415 });
  });
});
