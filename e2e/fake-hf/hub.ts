// The hub's GET /api/whoami-v2.
import { INVALID_TOKEN_BODY } from "./bodies";
import type { RequestContext } from "./context";
import { sendJson, sendRaw } from "./http-util";
import { FAKE_USER, classifyAuth, type TokenProfile } from "./tokens";

export function whoamiBody(profile: TokenProfile) {
  return {
    type: "user",
    id: "66a0c0ffee0000000000f4ce",
    name: FAKE_USER,
    fullname: "Fake User",
    email: "fake-user@example.com",
    isPro: false,
    canPay: false,
    avatarUrl: "/avatars/fake-user.svg",
    orgs: [{ name: "fake-org", roleInOrg: "admin" }],
    auth: {
      type: "access_token",
      accessToken: {
        displayName: "dashboard-test",
        role: profile.role,
        createdAt: "2026-01-15T10:00:00.000Z",
        ...(profile.fineGrained ? { fineGrained: profile.fineGrained } : {}),
      },
    },
  };
}

export function handleWhoami(ctx: RequestContext): void {
  switch (ctx.scenario.whoami) {
    case "hang":
      return; // Never answer: the client's timeout has to fire.
    case "500":
      return sendJson(ctx.res, 500, { error: "Internal Server Error" });
    case "malformed":
      // A cut-off body under a JSON content type, like a proxy dropping the connection.
      return sendRaw(ctx.res, 200, '{"type":"user","id":"66a0c0ffee', { "content-type": "application/json" });
    case "ok":
      break;
  }
  const auth = classifyAuth(ctx.req.headers.authorization);
  if (auth.kind !== "valid") return sendJson(ctx.res, 401, INVALID_TOKEN_BODY);
  if (auth.profile.slowHub) return;
  sendJson(ctx.res, 200, whoamiBody(auth.profile));
}
