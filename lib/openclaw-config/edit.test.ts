import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import JSON5 from "json5";
import { describe, expect, it } from "vitest";
import { DEFAULT_MODELS, toWire } from "@/e2e/fake-hf/catalog";
import { mergeCatalog } from "@/lib/catalog/merge";
import { parseRouterList } from "@/lib/catalog/router-list";
import { readModelSettings } from "@/lib/openclaw-config/model-settings";
import { modelChangeSchema, type ModelChange } from "./change";
import { applyModelChange, type Json } from "./edit";
import { checkTouchedConfig } from "./schema";

const catalog = mergeCatalog(parseRouterList({ data: DEFAULT_MODELS.map(toWire) }));
const golden = JSON.parse(
  readFileSync(path.join(__dirname, "fixtures", "onboard-openclaw.json"), "utf8").replace(/^\uFEFF/, ""),
) as Json;
const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const OSS_CHEAP = "huggingface/openai/gpt-oss-120b:cheapest";
const QWEN = "huggingface/Qwen/Qwen3-8B";

function apply(config: Json, change: ModelChange) {
  const result = applyModelChange(config, modelChangeSchema.parse(change), catalog);
  return result;
}

describe("applyModelChange", () => {
  it("writes what OpenClaw's commands write on a fresh file", () => {
    const { config, issues } = apply({}, { primary: R1, fallbacks: [OSS_CHEAP], aliases: { [R1]: "Hugging Face" } });
    expect(issues).toEqual([]);
    expect(config).toEqual({
      agents: {
        defaults: {
          model: { primary: R1, fallbacks: [OSS_CHEAP] },
          models: { [R1]: { alias: "Hugging Face" }, [OSS_CHEAP]: {} },
        },
      },
      models: {
        mode: "merge",
        providers: {
          huggingface: {
            baseUrl: "https://router.huggingface.co/v1",
            api: "openai-completions",
            models: [
              {
                id: "deepseek-ai/DeepSeek-R1",
                name: "DeepSeek R1",
                reasoning: true,
                input: ["text"],
                cost: { input: 3, output: 7, cacheRead: 3, cacheWrite: 3 },
                contextWindow: 64000,
                maxTokens: 8192,
              },
              {
                id: "openai/gpt-oss-120b",
                name: "GPT-OSS 120B",
                reasoning: false,
                input: ["text"],
                cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
                contextWindow: 131072,
                maxTokens: 8192,
              },
            ],
          },
        },
      },
    });
  });
  it("declares non-built-in models with the router's price for the ref's policy", () => {
    const { config } = apply({}, { primary: "huggingface/zai-org/GLM-4.5:cheapest" });
    const models = ((config.models as Json).providers as Json).huggingface as Json;
    expect(models.models).toEqual([
      {
        id: "zai-org/GLM-4.5",
        name: "GLM 4.5",
        reasoning: false,
        input: ["text"],
        cost: { input: 0.6, output: 2, cacheRead: 0.6, cacheWrite: 0.6 },
        contextWindow: 131072,
        maxTokens: 8192,
      },
    ]);
  });
  it("keeps every key of the onboarding file and its provider entries", () => {
    const withEntry = structuredClone(golden);
    (((withEntry.models as Json).providers as Json).huggingface as Json).models = [
      { id: "deepseek-ai/DeepSeek-R1", name: "Mine", contextWindow: 1000 },
    ];
    const { config, issues } = apply(withEntry, { primary: QWEN, fallbacks: [R1] });
    expect(issues).toEqual([]);
    for (const key of ["gateway", "wizard", "meta", "plugins", "tools", "auth"])
      expect(config[key]).toEqual(golden[key]);
    expect((config.agents as Json).entries).toEqual((golden.agents as Json).entries);
    const defaults = (config.agents as Json).defaults as Json;
    expect(defaults.workspace).toBe("<state>/workspace");
    expect(defaults.models).toEqual({ [R1]: { alias: "Hugging Face" }, [QWEN]: {} });
    const declared = (((config.models as Json).providers as Json).huggingface as Json).models as Json[];
    expect(declared[0]).toEqual({ id: "deepseek-ai/DeepSeek-R1", name: "Mine", contextWindow: 1000 });
    expect(declared.map((m) => m.id)).toEqual(["deepseek-ai/DeepSeek-R1", "Qwen/Qwen3-8B"]);
  });
  it("adds, renames and removes aliases, and refuses duplicates ignoring case", () => {
    let config = apply({}, { primary: R1, aliases: { [R1]: "main" } }).config;
    config = apply(config, { aliases: { [R1]: "Main Model", [OSS_CHEAP]: "cheap" } }).config;
    expect(readModelSettings(config).aliases).toEqual({ [R1]: "Main Model", [OSS_CHEAP]: "cheap" });
    const clash = apply(config, { aliases: { [QWEN]: "CHEAP" } });
    expect(clash.issues[0].message).toMatch(/already used by huggingface\/openai\/gpt-oss-120b:cheapest/);
    expect(clash.config).toBe(config);
    config = apply(config, { aliases: { [OSS_CHEAP]: "" } }).config;
    expect(readModelSettings(config).aliases).toEqual({ [R1]: "Main Model" });
    expect(apply(config, { aliases: { [QWEN]: "cheap" } }).issues).toEqual([]);
  });
  it("edits the allowlist but always keeps refs in use", () => {
    let config = apply({}, { primary: R1, fallbacks: [QWEN], allow: [OSS_CHEAP] }).config;
    expect(readModelSettings(config).allow.sort()).toEqual([R1, QWEN, OSS_CHEAP].sort());
    config = apply(config, { allow: [] }).config;
    expect(readModelSettings(config).allow.sort()).toEqual([R1, QWEN].sort());
  });
  it("turns a bare string model into the object form and keeps refs already in the file", () => {
    const config = { agents: { defaults: { model: "Qwen/Qwen3-8B" } } };
    const { config: next, issues } = apply(config, { fallbacks: [R1] });
    expect(issues).toEqual([]);
    expect(readModelSettings(next)).toMatchObject({ primary: "Qwen/Qwen3-8B", fallbacks: [R1] });
    expect(apply({}, { primary: "Qwen/Qwen3-8B" }).issues[0].message).toMatch(/does not start with huggingface\//);
  });
  it("refuses to write a file OpenClaw would reject", () => {
    const bad = {
      models: {
        providers: {
          huggingface: { baseUrl: "https://router.huggingface.co/v1", models: [{ id: "a/b", name: "B", alias: "x" }] },
        },
      },
    };
    expect(apply(bad, { primary: R1 }).issues.map((i) => i.path)).toContain("models.providers.huggingface.models.0");
    const badUrl = { models: { providers: { huggingface: { baseUrl: "router", models: [] } } } };
    expect(apply(badUrl, { primary: R1 }).issues[0].message).toMatch(/baseUrl must be an http/);
    expect(
      apply({ agents: { defaults: { model: { primary: R1, primray: "x" } } } }, { fallbacks: [] }).issues[0].message,
    ).toMatch(/primray/);
  });
  it("refuses hostile refs and aliases at the schema", () => {
    for (const change of [
      { primary: "huggingface/a/b\n" },
      { aliases: { [R1]: "x".repeat(65) } },
      { aliases: { [R1]: "a\u0007" } },
      { fallbacks: [R1, R1] },
      { primary: "huggingface/a b/c" },
    ]) {
      expect(modelChangeSchema.safeParse(change).success, JSON.stringify(change)).toBe(false);
    }
  });
  it("never loses unmanaged keys, always passes the strict check, and is idempotent", () => {
    const ref = fc.constantFrom(
      R1,
      OSS_CHEAP,
      QWEN,
      "huggingface/zai-org/GLM-4.5:together",
      "huggingface/acme/unknown-model:fastest",
    );
    const change = fc.record(
      {
        primary: ref,
        fallbacks: fc.uniqueArray(ref, { maxLength: 4 }),
        aliases: fc.dictionary(ref, fc.constantFrom("", "a", "b", "Fast one", "c")),
        allow: fc.uniqueArray(ref, { maxLength: 3 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 4 }), (changes) => {
        let config: Json = JSON5.parse(JSON.stringify(golden));
        let lastAllow: string[] | undefined;
        for (const c of changes) {
          const result = applyModelChange(config, c, catalog);
          if (result.issues.length > 0) {
            expect(result.config).toBe(config);
            expect(result.issues[0].path).toBe("aliases");
            continue;
          }
          expect(checkTouchedConfig(result.config)).toEqual([]);
          expect(applyModelChange(result.config, c, catalog).config).toEqual(result.config);
          config = result.config;
          lastAllow = c.allow ?? lastAllow;
        }
        for (const key of ["gateway", "wizard", "meta", "plugins", "tools", "auth"])
          expect(config[key]).toEqual(golden[key]);
        // The onboarded file is migrated: the allowlist is modelPolicy.allow, exactly the last list
        // asked for (refs in use need not be in it); refs in use always get a models entry.
        const settings = readModelSettings(config);
        expect(settings.allowlistPath).toBe("agents.defaults.modelPolicy.allow");
        for (const used of [settings.primary, ...settings.fallbacks]) expect(settings.modelEntries).toContain(used);
        if (lastAllow) expect(settings.allow).toEqual(lastAllow);
      }),
      { numRuns: 150 },
    );
  });

  it("writes the allowlist where the file keeps it: modelPolicy.allow when migrated, models' keys when legacy", () => {
    const migrated = {
      meta: { migrations: { modelPolicyAllowlist: true } },
      agents: { defaults: { models: { [R1]: { alias: "R" } } } },
    };
    const added = apply(migrated, { allow: [QWEN, "huggingface/zai-org/*"] });
    expect(added.issues).toEqual([]);
    const defaults = (added.config.agents as Json).defaults as Json;
    expect(defaults.modelPolicy).toEqual({ allow: [QWEN, "huggingface/zai-org/*"] });
    expect(defaults.models).toEqual({ [R1]: { alias: "R" } }); // aliases stay; no entry added for the allowlist
    const declared = ((added.config.models as Json).providers as { huggingface: { models: { id: string }[] } })
      .huggingface.models;
    expect(declared.map((m) => m.id)).toEqual(["deepseek-ai/DeepSeek-R1", "Qwen/Qwen3-8B"]); // no wildcard declared
    const removed = apply(added.config, { allow: [] });
    expect(((removed.config.agents as Json).defaults as Json).modelPolicy).toEqual({ allow: [] });
    expect(readModelSettings(removed.config)).toMatchObject({ allow: [], modelEntries: [R1] });

    const legacy = { agents: { defaults: { model: { primary: R1 }, models: { [R1]: {}, [QWEN]: { alias: "Q" } } } } };
    const narrowed = apply(legacy, { allow: [R1] });
    const legacyDefaults = (narrowed.config.agents as Json).defaults as Json;
    expect(legacyDefaults.models).toEqual({ [R1]: {} });
    expect(legacyDefaults.modelPolicy).toBeUndefined();
  });
});
