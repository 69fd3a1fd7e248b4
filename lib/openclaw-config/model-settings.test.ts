import { describe, expect, it } from "vitest";
import { readModelSettings, resolveAlias } from "./model-settings";

describe("readModelSettings", () => {
  it("reads an empty or missing config", () => {
    expect(readModelSettings(null)).toMatchObject({
      primary: null,
      fallbacks: [],
      aliases: {},
      allow: [],
      hasAuthProfile: false,
      discoveryEnabled: true,
    });
  });
  it("reads the object and bare-string forms", () => {
    const full = readModelSettings({
      agents: {
        defaults: {
          model: { primary: "huggingface/a/b", fallbacks: ["huggingface/c/d:cheapest", 3] },
          models: { "huggingface/a/b": { alias: "Main" }, "huggingface/c/d:cheapest": {} },
        },
      },
      auth: { profiles: { "huggingface:default": { provider: "huggingface", mode: "api_key" } } },
      models: { providers: { huggingface: { baseUrl: "http://x/v1" } } },
      plugins: { entries: { huggingface: { config: { discovery: { enabled: false } } } } },
    });
    expect(full).toEqual({
      primary: "huggingface/a/b",
      fallbacks: ["huggingface/c/d:cheapest"],
      aliases: { "huggingface/a/b": "Main" },
      allow: ["huggingface/a/b", "huggingface/c/d:cheapest"],
      allowlistPath: "agents.defaults.models",
      modelEntries: ["huggingface/a/b", "huggingface/c/d:cheapest"],
      hasAuthProfile: true,
      baseUrl: "http://x/v1",
      discoveryEnabled: false,
    });
    expect(readModelSettings({ agents: { defaults: { model: "huggingface/x/y" } } }).primary).toBe("huggingface/x/y");
    expect(resolveAlias(full, "main")).toBe("huggingface/a/b");
  });

  it("takes the allowlist from modelPolicy.allow once the file is migrated, the models' keys otherwise", () => {
    const defaults = { models: { "huggingface/a/b": { alias: "Main" } }, modelPolicy: { allow: ["huggingface/c/*"] } };
    const migrated = readModelSettings({ meta: { migrations: { modelPolicyAllowlist: true } }, agents: { defaults } });
    expect(migrated).toMatchObject({
      allow: ["huggingface/c/*"],
      allowlistPath: "agents.defaults.modelPolicy.allow",
      modelEntries: ["huggingface/a/b"],
    });
    expect(readModelSettings({ agents: { defaults } })).toMatchObject({
      allow: ["huggingface/a/b"],
      allowlistPath: "agents.defaults.models",
    });
  });
});

describe("aliases resolve as in OpenClaw", () => {
  it("the last entry wins when two refs share a name (ignoring case)", () => {
    const settings = readModelSettings({
      agents: {
        defaults: {
          models: {
            "huggingface/a/first": { alias: "Fast" },
            "huggingface/b/second": { alias: "other" },
            "huggingface/c/last": { alias: "fast" },
          },
        },
      },
    });
    expect(resolveAlias(settings, "FAST")).toBe("huggingface/c/last");
    expect(resolveAlias(settings, " other ")).toBe("huggingface/b/second");
    expect(resolveAlias(settings, "")).toBeUndefined();
  });
});
