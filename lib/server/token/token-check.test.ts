import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeHf, type FakeHf } from "@/e2e/fake-hf/server";
import { checkToken, combine, peekCheck, readPermission } from "./token-check";

const user = (permissions: string[], global: string[] = [], entity = { type: "user", name: "me" }) => ({
  name: "me",
  auth: { accessToken: { role: "fineGrained", fineGrained: { global, scoped: [{ entity, permissions }] } } },
});

describe("readPermission", () => {
  it("classic tokens may call the router", () => {
    expect(readPermission({ name: "me", auth: { accessToken: { role: "read" } } })).toEqual({
      role: "read",
      permission: "granted",
    });
    expect(readPermission({ name: "me", auth: { accessToken: { role: "write" } } })).toEqual({
      role: "write",
      permission: "granted",
    });
  });
  it("fine-grained: the user's own scoped entry or global grants it", () => {
    expect(readPermission(user(["inference.serverless.write"])).permission).toBe("granted");
    expect(readPermission(user([], ["inference.serverless.write"])).permission).toBe("granted");
    expect(readPermission(user(["repo.content.read"])).permission).toBe("missing");
  });
  it("an org's scoped entry or another user's does not count", () => {
    expect(readPermission(user(["inference.serverless.write"], [], { type: "org", name: "me" })).permission).toBe(
      "missing",
    );
    expect(readPermission(user(["inference.serverless.write"], [], { type: "user", name: "someone" })).permission).toBe(
      "missing",
    );
  });
  it("says unknown when the hub does not tell", () => {
    expect(readPermission({ name: "me" })).toEqual({ role: null, permission: "unknown" });
    expect(readPermission({ name: "me", auth: { accessToken: { role: "fineGrained" } } }).permission).toBe("unknown");
  });
});

describe("combine", () => {
  const ok = { kind: "ok" as const, account: "me", role: "write" as const, permission: "granted" as const };
  it("a 401 from either side is invalid", () => {
    expect(combine({ kind: "invalid" }, "ok").outcome).toBe("invalid");
    expect(combine(ok, "rejected").outcome).toBe("invalid");
  });
  it("an unanswered hub is unverified, whatever the router said", () => {
    expect(combine({ kind: "unverified", reason: "timeout" }, "ok")).toMatchObject({
      outcome: "unverified",
      reason: "timeout",
    });
  });
  it("a missing permission is reported, a router hiccup is not fatal", () => {
    expect(combine({ ...ok, role: "fineGrained", permission: "missing" }, "ok").outcome).toBe("no_permission");
    expect(combine(ok, "unreachable")).toMatchObject({ outcome: "valid", router: "unreachable", account: "me" });
  });
});

describe("checkToken against the fake Hugging Face service", () => {
  let fake: FakeHf;
  beforeAll(async () => {
    fake = await startFakeHf();
    process.env.HF_ENDPOINT = fake.url;
  });
  afterAll(async () => {
    delete process.env.HF_ENDPOINT;
    await fake.close();
  });
  beforeEach(() => fake.reset());

  it.each([
    ["hf_plainWriteToken123", "valid", "granted"],
    ["hf_readonlyToken12345", "valid", "granted"],
    ["hf_fgscopedToken12345", "valid", "granted"],
    ["hf_fgglobalToken12345", "valid", "granted"],
    ["hf_fgnoinferenceTok12", "no_permission", "missing"],
    ["hf_invalidToken123456", "invalid", "unknown"],
  ])("%s → %s", async (token, outcome, permission) => {
    const check = await checkToken(token, fake.routerUrl);
    expect(check).toMatchObject({ outcome, permission });
    if (outcome !== "invalid") expect(check.account).toBe("fake-user");
  });

  it.each([
    ["500", "server_error"],
    ["malformed", "malformed"],
  ] as const)("whoami %s → unverified (%s)", async (whoami, reason) => {
    fake.setScenario({ whoami });
    expect(await checkToken(`hf_whoami${whoami}Token1`, fake.routerUrl)).toMatchObject({
      outcome: "unverified",
      reason,
    });
  });

  it("an unreachable hub is unverified", async () => {
    process.env.HF_ENDPOINT = "http://127.0.0.1:9";
    try {
      expect(await checkToken("hf_unreachableHub123", fake.routerUrl)).toMatchObject({
        outcome: "unverified",
        reason: "unreachable",
      });
    } finally {
      process.env.HF_ENDPOINT = fake.url;
    }
  });

  it("caches by token and asks again only when told to", async () => {
    const token = "hf_cachedToken1234567";
    const calls = () => fake.requests().filter((r) => r.path === "/api/whoami-v2").length;
    await checkToken(token, fake.routerUrl);
    await checkToken(token, fake.routerUrl);
    expect(calls()).toBe(1);
    await checkToken(token, fake.routerUrl, { maxAgeMs: 0 });
    expect(calls()).toBe(2);
    expect(peekCheck(token, fake.routerUrl)).toMatchObject({ check: { outcome: "valid" }, checking: false });
  });

  it("keys the cache by router too: a token checked against one router is checked again against another", async () => {
    const token = "hf_twoRoutersToken1234";
    expect(await checkToken(token, fake.routerUrl)).toMatchObject({ outcome: "valid", router: "ok" });
    expect(await checkToken(token, "http://127.0.0.1:9/v1")).toMatchObject({ outcome: "valid", router: "unreachable" });
    expect(peekCheck(token, fake.routerUrl).check).toMatchObject({ router: "ok" });
    expect(peekCheck(token, "http://127.0.0.1:9/v1").check).toMatchObject({ router: "unreachable" });
  });

  it("peek never waits: it starts one background check and reports it", async () => {
    const token = "hf_backgroundToken123";
    const first = peekCheck(token, fake.routerUrl);
    expect(first).toEqual({ check: null, checking: true });
    expect(peekCheck(token, fake.routerUrl).checking).toBe(true);
    await checkToken(token, fake.routerUrl); // joins the running check
    expect(fake.requests().filter((r) => r.path === "/api/whoami-v2")).toHaveLength(1);
    expect(peekCheck(token, fake.routerUrl)).toMatchObject({ check: { outcome: "valid" }, checking: false });
  });

  it("sends the token only as a bearer header, to the hub and the router", async () => {
    await checkToken("hf_headerOnlyToken123", fake.routerUrl);
    const requests = fake.requests();
    expect(requests.map((r) => r.path).sort()).toEqual(["/api/whoami-v2", "/v1/models/deepseek-ai/DeepSeek-R1"]);
    for (const r of requests) {
      expect(r.headers.authorization).toBe("Bearer hf_headerOnlyToken123");
      expect(JSON.stringify(r.query)).not.toContain("hf_");
    }
  });
});
