import { expect, test } from "../fixtures";
import { startApp, type AppServer } from "../support/app-server";
import { cookiesOf, requestFrom } from "../support/from-address";

// The sign-in throttle counts failures per client: a client guessing wrong (again each time its
// lock ends) must not keep the right secret from anyone else. Two clients are two loopback
// addresses talking to a dashboard that listens beyond loopback, as on a LAN.
const SECRET = "dashboard-secret-for-throttle-0123";
const NOISY = "127.0.0.1";
const OWNER = "127.0.0.2";

let app: AppServer;
test.beforeEach(async ({ stateDir, fake, sentinel }) => {
  sentinel.addToken(SECRET);
  app = await startApp(
    { OPENCLAW_STATE_DIR: stateDir, HF_ROUTER_URL: fake.routerUrl, HF_ENDPOINT: fake.url, DASHBOARD_TOKEN: SECRET },
    { host: "0.0.0.0" },
  );
});
test.afterEach(async ({ sentinel }) => {
  await app.stop();
  sentinel.add("the throttled app's logs", app.logs());
});

function signIn(from: string, token: string, headers: Record<string, string> = {}) {
  return requestFrom(
    from,
    app.port,
    "POST",
    "/api/session",
    { "content-type": "application/json", ...headers },
    JSON.stringify({ token }),
  );
}

async function guessWrong(from: string, times: number, headers: Record<string, string> = {}) {
  for (let i = 0; i < times; i++) {
    const answer = await signIn(from, `wrong-guess-${i}`, headers);
    expect([401, 429]).toContain(answer.status);
  }
}

test("eight wrong guesses from one address lock that address only; another signs in with the right secret", async () => {
  await guessWrong(NOISY, 8);
  const noisy = await signIn(NOISY, SECRET);
  expect(noisy.status).toBe(429);
  expect(Number(noisy.headers["retry-after"])).toBeGreaterThan(0);

  const owner = await signIn(OWNER, SECRET);
  expect(owner.status, owner.body).toBe(200);
  expect(owner.headers["set-cookie"]?.some((c) => c.startsWith("hfpd_session="))).toBe(true);
  const session = cookiesOf(owner);
  expect((await requestFrom(OWNER, app.port, "GET", "/api/token", { cookie: session })).status).toBe(200);
});

test("a client that writes another's address into X-Forwarded-For cannot lock out a browser that signed in before", async () => {
  const first = await signIn(OWNER, SECRET);
  expect(first.status).toBe(200);
  const device = first.headers["set-cookie"]?.find((c) => c.startsWith("hfpd_device="));
  expect(device).toMatch(/; Path=\/api\/session; Max-Age=\d+; HttpOnly; SameSite=Strict/);
  expect(device).not.toContain(SECRET);

  await guessWrong(NOISY, 8, { "x-forwarded-for": OWNER });
  const again = await signIn(OWNER, SECRET, { cookie: cookiesOf(first) });
  expect(again.status, again.body).toBe(200);
});
