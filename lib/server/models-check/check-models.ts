import "server-only";
import pLimit from "p-limit";
import { failureMessage } from "@/lib/chat/errors";
import { AppError } from "@/lib/errors";
import { CHECK_MAX_TOKENS, CHECK_PROMPT, checkKindOf, type CheckResult } from "@/lib/models-check/kinds";
import { configuredRefs, HF_PREFIX } from "@/lib/models-check/refs";
import { parseRef } from "@/lib/openclaw-config/model-ref";
import { readModelSettings } from "@/lib/openclaw-config/model-settings";
import { chatTimeoutMs } from "../chat/start-chat";
import { readConfig } from "../openclaw-config/config-file";
import { timedCompletion } from "../probe/timed-completion";
import { routerUrl } from "../settings";
import { resolveToken } from "../token/token-source";

// POST /api/models/check: a 1-token completion for each configured ref, at most 4 at a time.
// Never automatic (it spends a little credit): only this route starts it.
export const CHECK_CONCURRENCY = 4;
export const MAX_CHECK_REFS = 100;

export async function checkModels(requested: string[] | undefined, signal: AbortSignal): Promise<CheckResult[]> {
  const [token, snapshot] = await Promise.all([resolveToken(), readConfig().catch(() => null)]);
  if (!token) throw new AppError("no_token", "Add a Hugging Face token on the Token page before checking models.");
  const data = snapshot?.data ?? null;
  const refs = requested
    ? [...new Set(requested.map((ref) => (ref.startsWith(HF_PREFIX) ? ref : `${HF_PREFIX}${ref}`)))]
    : configuredRefs(data);
  if (refs.length > MAX_CHECK_REFS)
    throw new AppError(
      "invalid_body",
      `The configuration names ${refs.length} models; check at most ${MAX_CHECK_REFS} at once by sending refs.`,
    );
  const url = `${routerUrl(readModelSettings(data).baseUrl)}/chat/completions`;
  const limit = pLimit(CHECK_CONCURRENCY);
  return Promise.all(
    refs.map((ref) =>
      limit(async (): Promise<CheckResult> => {
        const timed = await timedCompletion({
          url,
          token: token.token,
          routerModel: parseRef(ref).routerModel,
          prompt: CHECK_PROMPT,
          maxTokens: CHECK_MAX_TOKENS,
          signal,
          silenceMs: chatTimeoutMs(),
        });
        const common = {
          ref,
          provider: timed.provider,
          status: timed.status,
          ttftMs: timed.ttftMs,
          totalMs: timed.totalMs,
        };
        if (timed.ok) {
          const ttft = timed.ttftMs === null ? "" : `, first byte in ${Math.round(timed.ttftMs)} ms`;
          return {
            ...common,
            ok: true,
            kind: "ok",
            message: `Working: served by ${timed.provider ?? "the router"}${ttft}.`,
          };
        }
        const failure = timed.failure ?? "bad_response";
        return {
          ...common,
          ok: false,
          kind: checkKindOf(failure),
          message: failureMessage(failure, timed.status ?? undefined),
        };
      }),
    ),
  );
}
