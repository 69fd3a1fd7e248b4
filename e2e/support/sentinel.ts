import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { BrowserContext, Request, Response } from "@playwright/test";

// The suite-wide sentinel-token scan: every token a test configures (app env, the state folder's
// .env at teardown, tokens typed into the app, bearer tokens the fake service received) must be
// absent from everything the browser received (URLs, headers, bodies: HTML, RSC payloads, JS
// chunks, API answers), from browser storage and cookies, and from the dashboard's logs.
const TOKEN_IN_TEXT = /\b(?:hf|api_org)_[A-Za-z0-9_]{8,}/g;
const MIN_SECRET_LENGTH = 10;
const SKIP_TYPES = /^(image|font|audio|video)\//i;

export interface Leak {
  token: string;
  where: string;
}

export class SentinelScan {
  private readonly tokens = new Set<string>();
  private readonly haystacks = new Map<string, string>(); // content hash → where (first seen)
  private readonly texts = new Map<string, string>(); // content hash → text
  private readonly pending = new Set<Promise<unknown>>();

  /** A secret that must never reach the browser or the logs. */
  addToken(value: string | undefined | null): void {
    const token = value?.trim();
    if (token && token.length >= MIN_SECRET_LENGTH) this.tokens.add(token);
  }

  /** Every hf_… / api_org_… token found in a text the test sent or configured. */
  addTokensFrom(text: string | undefined | null): void {
    for (const match of text?.matchAll(TOKEN_IN_TEXT) ?? []) this.addToken(match[0]);
  }

  /** Something the browser received or the server logged. Identical texts are kept once. */
  add(where: string, text: string): void {
    if (!text) return;
    const hash = createHash("sha1").update(text).digest("hex");
    if (!this.texts.has(hash)) {
      this.texts.set(hash, text);
      this.haystacks.set(hash, where);
    }
  }

  track(work: Promise<unknown>): void {
    const settled = work.catch(() => undefined).finally(() => this.pending.delete(settled));
    this.pending.add(settled);
  }

  /** Waits for body reads still in flight, at most `capMs` (a never-ending stream must not hang teardown). */
  async settle(capMs = 5_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const cap = new Promise<void>((resolve) => (timer = setTimeout(resolve, capMs)));
    await Promise.race([Promise.all([...this.pending]), cap]);
    clearTimeout(timer);
  }

  findLeaks(): Leak[] {
    const leaks: Leak[] = [];
    for (const token of this.tokens) {
      const forms = [token, Buffer.from(token).toString("base64"), Buffer.from(token).toString("base64url")];
      for (const [hash, text] of this.texts) {
        if (forms.some((form) => text.includes(form))) leaks.push({ token, where: this.haystacks.get(hash) ?? "?" });
      }
    }
    return leaks;
  }

  knownTokenCount(): number {
    return this.tokens.size;
  }

  /** Records what a browser context receives; call the returned function before it closes. */
  watch(context: BrowserContext): () => Promise<void> {
    const onRequest = (request: Request) => {
      this.add(`URL of ${request.method()} ${request.url()}`, request.url());
      // A token typed into the app is a secret of this test (the body itself is not scanned).
      if (request.method() !== "GET") this.addTokensFrom(request.postData());
    };
    const label = (response: Response) => `${response.request().method()} ${response.url()} (${response.status()})`;
    const onResponse = (response: Response) => {
      this.track(
        response.allHeaders().then((headers) => this.add(`headers of ${label(response)}`, JSON.stringify(headers))),
      );
    };
    // Bodies are read once complete, so the read is quick and a stream that never ends costs nothing.
    const onFinished = (request: Request) => {
      this.track(
        (async () => {
          const response = await request.response();
          if (!response || (response.status() >= 300 && response.status() < 400)) return;
          if (SKIP_TYPES.test((await response.allHeaders())["content-type"] ?? "")) return;
          this.add(`body of ${label(response)}`, (await response.body()).toString("utf8"));
        })(),
      );
    };
    context.on("request", onRequest);
    context.on("response", onResponse);
    context.on("requestfinished", onFinished);
    return async () => {
      context.off("request", onRequest);
      for (const page of context.pages()) {
        const storage = page
          .evaluate(() =>
            JSON.stringify({
              local: { ...localStorage },
              session: { ...sessionStorage },
              cookie: document.cookie,
              url: location.href,
            }),
          )
          .then((text) => this.add(`storage of ${page.url()}`, text));
        this.track(storage);
      }
      this.track(
        context
          .storageState()
          .then((state) => this.add("cookies and localStorage (storageState)", JSON.stringify(state))),
      );
      await this.settle();
      context.off("response", onResponse);
      context.off("requestfinished", onFinished);
    };
  }
}

/** Token-like values of a state folder's .env (any *TOKEN* variable, and any hf_… anywhere). */
export async function addEnvFileTokens(scan: SentinelScan, stateDir: string): Promise<void> {
  const text = await readFile(path.join(stateDir, ".env"), "utf8").catch(() => "");
  scan.addTokensFrom(text);
  for (const line of text.split("\n")) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*TOKEN[A-Za-z0-9_]*)\s*=\s*['"]?([^'"#\s]+)/.exec(line);
    if (match) scan.addToken(match[2]);
  }
}

export function addEnvTokens(scan: SentinelScan, env: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(env)) {
    if (/TOKEN|SECRET/i.test(name)) scan.addToken(value);
    scan.addTokensFrom(value);
  }
}

export function leakReport(leaks: Leak[]): string {
  const mask = (token: string) => `${token.slice(0, 3)}…${token.slice(-4)}`;
  const lines = leaks.slice(0, 20).map((leak) => `  - ${mask(leak.token)} in ${leak.where}`);
  return `Sentinel scan: a configured token reached the browser or the logs:\n${lines.join("\n")}${leaks.length > 20 ? `\n  … and ${leaks.length - 20} more` : ""}`;
}
