import { describe, expect, it } from "vitest";
import { readModelSettings } from "../model-settings";
import { checkTouchedConfig } from "../schema";
import { isAllowed, readAllowlist } from "@/lib/openclaw-agent/allowlist";
import { findRepair, findRepairs, repairForIssue } from "./find-repairs";
import { proposeAlias } from "./duplicate-alias";
import { renameRef } from "./rename-ref";
import type { Json } from "./types";
import { dashboardKnownKeys, knownKeysFromJsonSchema } from "./schema-keys";
import { TRAP_CATALOG, TRAPS } from "./trap-fixtures";
import { oneEditApart, resolvePath, unrecognizedKeys } from "./unknown-key";

const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const QWEN = "huggingface/Qwen/Qwen3-8B";
const ctx = (issues: { path: string; message: string }[] = []) => ({
  catalog: TRAP_CATALOG,
  live: true,
  issues,
  knownKeysAt: dashboardKnownKeys(),
});
const trap = (kind: string) => TRAPS.find((t) => t.kind === kind)!;

function repaired(kind: string) {
  const { config, issues } = trap(kind);
  const repairs = findRepairs(config, ctx(issues)).filter((r) => r.kind === kind);
  expect(repairs).toHaveLength(1);
  const frozen = structuredClone(config);
  const out = repairs[0].apply(config);
  expect(config).toEqual(frozen); // pure
  expect(findRepairs(out, ctx()).map((r) => r.id)).toEqual([]); // nothing else to repair
  return { repair: repairs[0], out };
}

describe("each trap is found once and repaired", () => {
  it("alias in a provider model entry moves to agents.defaults.models[ref], the rest of the entry kept", () => {
    const { repair, out } = repaired("provider_model_options");
    expect(repair).toMatchObject({ id: "provider_model_options:0", path: "models.providers.huggingface.models.0" });
    expect(repairForIssue([repair], trap("provider_model_options").issues[0])).toBe(repair);
    const hf = (out.models as { providers: { huggingface: { models: unknown[] } } }).providers.huggingface;
    expect(hf.models[0]).toEqual({ id: "deepseek-ai/DeepSeek-R1", name: "DeepSeek R1", contextWindow: 131072 });
    expect(readModelSettings(out).aliases).toEqual({ [R1]: "DeepSeek R1 (fast)" });
    expect(checkTouchedConfig(out)).toEqual([]);
  });

  it("keeps an alias already set for the agent", () => {
    const config = structuredClone(trap("provider_model_options").config) as { agents: { defaults: Json } };
    config.agents.defaults.models = { [R1]: { alias: "Mine" } };
    const out = findRepair(config, "provider_model_options:0", ctx())!.apply(config);
    expect(readModelSettings(out).aliases).toEqual({ [R1]: "Mine" });
  });

  it("a ref without huggingface/ gets it everywhere, its alias kept", () => {
    const { out } = repaired("missing_prefix");
    const settings = readModelSettings(out);
    expect(settings.primary).toBe(R1);
    expect(settings.aliases).toEqual({ [R1]: "R1" });
  });

  it("duplicate aliases: the last keeps the name (as in OpenClaw), the others get a proposed one", () => {
    const { repair, out } = repaired("duplicate_alias");
    expect(repair.label).toContain('"Fast (default)"');
    expect(readModelSettings(out).aliases).toEqual({ [R1]: "Fast (default)", [`${R1}:fastest`]: "fast" });
    expect(proposeAlias("Qwen", "Qwen3-8B", new Set(["qwen (qwen3-8b)"]))).toBe("Qwen (Qwen3-8B 2)");
    expect(proposeAlias("x".repeat(64), "y", new Set()).length).toBeLessThanOrEqual(64);
  });

  it("a provider the router no longer serves the model through is replaced by one that does", () => {
    const { repair, out } = repaired("provider_not_serving");
    expect(repair.label).toContain("novita");
    expect(readModelSettings(out).primary).toBe(`${R1}:novita`);
    // Without the live list nothing is known about who serves what: no repair.
    expect(findRepairs(trap("provider_not_serving").config, { ...ctx(), live: false })).toEqual([]);
  });

  it("a fallback equal to the primary or repeated is removed, order kept", () => {
    const { repair, out } = repaired("fallback_repeats");
    expect(readModelSettings(out).fallbacks).toEqual([QWEN]);
    expect(repair.warnings).toEqual([
      { kind: "fallback_is_primary", ref: R1 },
      { kind: "duplicate_fallback", ref: QWEN },
    ]);
  });

  it("a primary outside the allowlist that applies is added to it", () => {
    const { out } = repaired("primary_not_allowed");
    expect(isAllowed(R1, readAllowlist(out))).toBe(true);
    expect(readAllowlist(out).refs).toEqual([QWEN, R1]);
    // A legacy file's allowlist is agents.defaults.models' keys.
    const legacy = { agents: { defaults: { model: { primary: R1 }, models: { [QWEN]: {} } } } };
    const fixed = findRepair(legacy, "primary_not_allowed", ctx())!.apply(legacy);
    expect(readAllowlist(fixed).refs).toEqual([QWEN, R1]);
  });

  it("an unknown key one edit from a known one is renamed in place", () => {
    const { repair, out } = repaired("unknown_key");
    expect(repair.label).toBe('Rename "primray" to "primary"');
    expect(repairForIssue([repair], trap("unknown_key").issues[0])).toBe(repair);
    expect(readModelSettings(out).primary).toBe(R1);
  });
});

describe("unknown keys", () => {
  it("one edit: substitution, insertion, deletion, neighbours swapped; nothing else", () => {
    expect(oneEditApart("primray", "primary")).toBe(true);
    expect(oneEditApart("primar", "primary")).toBe(true);
    expect(oneEditApart("primaryy", "primary")).toBe(true);
    expect(oneEditApart("prinary", "primary")).toBe(true);
    expect(oneEditApart("primary", "primary")).toBe(false);
    expect(oneEditApart("pirmray", "primary")).toBe(false);
    expect(oneEditApart("fallback", "fallbacks")).toBe(true);
    expect(oneEditApart("ab", "ba")).toBe(true);
    expect(oneEditApart("abc", "cab")).toBe(false);
  });

  it("no repair when two known keys are one edit away, or the target key is already there", () => {
    const keys = knownKeysFromJsonSchema({ type: "object", properties: { cat: {}, car: {}, dog: {} } });
    const config = { cax: 1, dig: 2, dog: 3 };
    const issues = [{ path: "", message: 'Unrecognized keys: "cax", "dig"' }];
    expect(findRepairs(config, { catalog: [], live: false, issues, knownKeysAt: keys })).toEqual([]);
  });

  it("reads OpenClaw's messages and paths whose keys hold dots", () => {
    expect(unrecognizedKeys('Unrecognized keys: "a", "b\\"c"')).toEqual(["a", 'b"c']);
    expect(unrecognizedKeys("Invalid input")).toEqual([]);
    const data = { agents: { defaults: { models: { "huggingface/Qwen/Qwen2.5-7B": { aliass: "q" } } } } };
    expect(resolvePath(data, "agents.defaults.models.huggingface/Qwen/Qwen2.5-7B")).toEqual([
      "agents",
      "defaults",
      "models",
      "huggingface/Qwen/Qwen2.5-7B",
    ]);
    const issues = [
      { path: "agents.defaults.models.huggingface/Qwen/Qwen2.5-7B", message: 'Unrecognized key: "aliass"' },
    ];
    const [repair] = findRepairs(data, ctx(issues));
    expect(repair.label).toBe('Rename "aliass" to "alias"');
    expect(readModelSettings(repair.apply(data)).aliases).toEqual({ "huggingface/Qwen/Qwen2.5-7B": "q" });
  });
});

describe("renameRef", () => {
  it("renames the primary, fallbacks, the models entry (in place) and the allowlist, merging into an existing entry", () => {
    const config = {
      agents: {
        defaults: {
          model: { primary: "a/b", fallbacks: ["a/b", QWEN] },
          models: { first: {}, "a/b": { alias: "AB", params: { t: 1 } }, [R1]: { params: { t: 2 } }, last: {} },
          modelPolicy: { allow: ["a/b", R1] },
        },
      },
    };
    const out = renameRef(config, "a/b", R1) as typeof config;
    expect(out.agents.defaults.model).toEqual({ primary: R1, fallbacks: [R1, QWEN] });
    expect(Object.keys(out.agents.defaults.models)).toEqual(["first", R1, "last"]);
    expect(out.agents.defaults.models[R1]).toEqual({ alias: "AB", params: { t: 2 } });
    expect(out.agents.defaults.modelPolicy.allow).toEqual([R1]);
  });
});
