import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { guardSettings, judgeRequest, requestFacts } from "./request-verdict";
import { createSessionValue, SESSION_COOKIE, sessionKey } from "./session-cookie";

const SECRET = "a-dashboard-secret-0123456789";

describe("requestFacts", () => {
  it("reads the session from the cookie jar, among other cookies", () => {
    const request = new NextRequest("http://localhost:3000/api/chat?x=1", {
      method: "POST",
      headers: {
        host: "localhost:3000",
        origin: "http://localhost:3000",
        cookie: `a=1; ${SESSION_COOKIE}=v1.abc; b=2`,
      },
    });
    expect(requestFacts(request)).toEqual({
      method: "POST",
      host: "localhost:3000",
      origin: "http://localhost:3000",
      secFetchSite: null,
      pathname: "/api/chat",
      session: "v1.abc",
    });
  });
});

describe("judgeRequest", () => {
  const open = guardSettings({});
  const locked = guardSettings({ DASHBOARD_TOKEN: SECRET });
  const facts = {
    method: "GET",
    host: "localhost:3000",
    origin: null,
    secFetchSite: null,
    pathname: "/",
    session: undefined,
  };

  it("lets a loopback request through, and refuses a foreign Host with a 403 AppError", () => {
    expect(judgeRequest(facts, open)).toBeNull();
    const refusal = judgeRequest({ ...facts, host: "attacker.example" }, open);
    expect([refusal?.error.status, refusal?.error.code, refusal?.signIn]).toEqual([403, "forbidden_host", false]);
    expect(refusal?.error.headers?.["x-frame-options"]).toBe("DENY");
  });
  it("refuses a cross-site write", () => {
    const refusal = judgeRequest({ ...facts, method: "POST", secFetchSite: "cross-site" }, open);
    expect(refusal?.error.code).toBe("forbidden_origin");
  });
  it("refuses a cross-site read of the API (it may spend the token), not of a page", () => {
    const refusal = judgeRequest({ ...facts, pathname: "/api/models", secFetchSite: "cross-site" }, open);
    expect([refusal?.error.status, refusal?.error.code]).toEqual([403, "forbidden_origin"]);
    expect(refusal?.error.message).toMatch(/answers its own pages only/);
    expect(judgeRequest({ ...facts, pathname: "/models", secFetchSite: "cross-site" }, open)).toBeNull();
    expect(judgeRequest({ ...facts, pathname: "/api/models" }, open)).toBeNull();
  });
  it("with DASHBOARD_TOKEN: pages go to sign-in, API routes get 401, a valid session passes", () => {
    expect(judgeRequest(facts, locked)?.signIn).toBe(true);
    const api = judgeRequest({ ...facts, pathname: "/api/token" }, locked);
    expect([api?.error.status, api?.signIn]).toEqual([401, false]);
    const session = createSessionValue(sessionKey(SECRET));
    expect(judgeRequest({ ...facts, pathname: "/api/token", session }, locked)).toBeNull();
  });
});
