// The playground's parameter form (strings, as typed) → the request's parameters, offering
// only what the model and provider support (see capabilities.ts).
import type { Capabilities } from "./capabilities";
import { CHAT_LIMITS, REASONING_EFFORTS, type ChatParams, type ReasoningEffort } from "./request";

export interface ParamsForm {
  temperature: string;
  topP: string;
  maxTokens: string;
  stop: string;
  seed: string;
  reasoningEffort: "" | ReasoningEffort;
  jsonOutput: boolean;
}

export const EMPTY_PARAMS: ParamsForm = {
  temperature: "",
  topP: "",
  maxTokens: "",
  stop: "",
  seed: "",
  reasoningEffort: "",
  jsonOutput: false,
};

export type ParamField = keyof ParamsForm;

interface ParamsResult {
  params: ChatParams;
  errors: Partial<Record<ParamField, string>>;
}

function numberIn(text: string, min: number, max: number, integer: boolean): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return "Enter a number.";
  if (integer && !Number.isInteger(value)) return "Enter a whole number.";
  if (value < min || value > max) return `Between ${min} and ${max}.`;
  return value;
}

export function toChatParams(form: ParamsForm, caps: Capabilities): ParamsResult {
  const params: ChatParams = {};
  const errors: ParamsResult["errors"] = {};
  const take = <K extends "temperature" | "top_p" | "max_tokens" | "seed">(
    key: K,
    field: ParamField,
    value: number | string | undefined,
  ) => {
    if (typeof value === "string") errors[field] = value;
    else if (value !== undefined) params[key] = value;
  };
  take("temperature", "temperature", numberIn(form.temperature, 0, 2, false));
  const topP = numberIn(form.topP, 0, 1, false);
  if (topP === 0) errors.topP = "Between 0 (excluded) and 1.";
  else take("top_p", "topP", topP);
  take("max_tokens", "maxTokens", numberIn(form.maxTokens, 1, caps.maxTokensLimit ?? CHAT_LIMITS.maxTokens, true));
  take("seed", "seed", numberIn(form.seed, 0, Number.MAX_SAFE_INTEGER, true));
  const stops = form.stop.split("\n").filter((s) => s !== "");
  if (stops.length > CHAT_LIMITS.stops) errors.stop = `At most ${CHAT_LIMITS.stops} stop sequences, one per line.`;
  else if (stops.some((s) => s.length > CHAT_LIMITS.stopChars))
    errors.stop = `A stop sequence is limited to ${CHAT_LIMITS.stopChars} characters.`;
  else if (stops.length > 0) params.stop = stops;
  if (caps.reasoningEffort && form.reasoningEffort && REASONING_EFFORTS.includes(form.reasoningEffort))
    params.reasoning_effort = form.reasoningEffort;
  if (caps.structuredOutput && form.jsonOutput) params.response_format = { type: "json_object" };
  return { params, errors };
}

/** Parameters any model takes: what Compare and the configuration run may send to several models. */
export function genericParams(params: ChatParams): ChatParams {
  const { temperature, top_p, stop, seed } = params;
  return Object.fromEntries(Object.entries({ temperature, top_p, stop, seed }).filter(([, v]) => v !== undefined));
}
