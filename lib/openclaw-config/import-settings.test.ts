import fc from "fast-check";
import JSON5 from "json5";
import { describe, expect, it } from "vitest";
import { docExample } from "./doc-examples";
import { hasComments, importModelSettings } from "./import-settings";

const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const QWEN = "huggingface/Qwen/Qwen3-8B";
const LLAMA = "huggingface/meta-llama/Llama-3.3-70B-Instruct";
const MASK = "••••••••";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests index freely into the results
type Loose = Record<string, any>;
const defaultsOf = (config: unknown): Loose => (config as Loose)?.agents?.defaults;

const example = (id: string) => JSON5.parse(docExample(id)!.text) as Record<string, unknown>;

function currentFile() {
  return {
    meta: { lastTouchedVersion: "2026.9.6" },
    env: { vars: { OPENAI_API_KEY: MASK } },
    gateway: { mode: "local", auth: { mode: "token", token: MASK } },
    models: { providers: { openai: { apiKey: MASK }, huggingface: { baseUrl: "https://router.huggingface.co/v1" } } },
    agents: {
      list: [{ id: "main" }],
      defaults: {
        workspace: "/home/me/work",
        model: { primary: LLAMA, fallbacks: [QWEN] },
        models: { [LLAMA]: { alias: "Llama", params: { temperature: 0.2 } }, [QWEN]: { alias: "Qwen" } },
      },
    },
  };
}

describe("importModelSettings: replace", () => {
  it("replaces what the import sets and keeps the rest of the file", () => {
    const current = currentFile();
    const { config, notes } = importModelSettings(current, example("r1-qwen-fallback"), "replace");
    expect(config).toEqual({
      ...currentFile(),
      agents: {
        list: [{ id: "main" }],
        defaults: {
          workspace: "/home/me/work",
          model: { primary: R1, fallbacks: [QWEN] },
          models: { [R1]: { alias: "DeepSeek R1" }, [QWEN]: { alias: "Qwen3 8B" } },
        },
      },
    });
    expect(notes).toEqual([]);
  });

  it("leaves what the import does not set", () => {
    const { config } = importModelSettings(currentFile(), example("display-names"), "replace");
    const defaults = (config.agents as { defaults: Record<string, unknown> }).defaults;
    expect(defaults.model).toEqual({ primary: LLAMA, fallbacks: [QWEN] });
    expect(Object.keys(defaults.models as object)).toEqual([R1, `${R1}:cheapest`]);
  });

  it("starts from an empty file", () => {
    const { config } = importModelSettings({}, example("default-model"), "replace");
    expect(config).toEqual({ agents: { defaults: { model: { primary: R1 } } } });
  });

  it("in a migrated file, adds the imported refs to modelPolicy.allow and says so", () => {
    const current = {
      meta: { migrations: { modelPolicyAllowlist: true } },
      agents: { defaults: { model: { primary: LLAMA }, modelPolicy: { allow: [LLAMA, "huggingface/Qwen/*"] } } },
    };
    const { config, notes } = importModelSettings(current, example("r1-qwen-fallback"), "replace");
    expect(defaultsOf(config).modelPolicy.allow).toEqual([LLAMA, "huggingface/Qwen/*", R1]);
    expect(notes).toEqual([`Added to agents.defaults.modelPolicy.allow so the agent may use it: ${R1}.`]);
  });

  it("does not turn an empty allowlist (any model) into a restrictive one", () => {
    const current = { agents: { defaults: { modelPolicy: { allow: [] } } } };
    const { config } = importModelSettings(current, example("default-model"), "replace");
    expect(defaultsOf(config).modelPolicy.allow).toEqual([]);
  });

  it("replaces the allowlist the import sets", () => {
    const current = { agents: { defaults: { modelPolicy: { allow: [LLAMA], mode: "strict" } } } };
    const incoming = { agents: { defaults: { modelPolicy: { allow: [R1] } } } };
    const { config } = importModelSettings(current, incoming, "replace");
    expect(defaultsOf(config).modelPolicy).toEqual({ allow: [R1], mode: "strict" });
  });
});

describe("importModelSettings: merge", () => {
  it("the import's primary wins, fallbacks are a union without the primary, entries merge per ref", () => {
    const incoming = {
      agents: {
        defaults: {
          model: { primary: QWEN, fallbacks: [R1, LLAMA] },
          models: { [LLAMA]: { alias: "Llama 3.3" }, [R1]: { alias: "R1" } },
        },
      },
    };
    const { config } = importModelSettings(currentFile(), incoming, "merge");
    const defaults = defaultsOf(config);
    // Qwen leaves the fallbacks (it is the primary now); the old primary is only a fallback if the import says so.
    expect(defaults.model).toEqual({ primary: QWEN, fallbacks: [R1, LLAMA] });
    expect(defaults.models).toEqual({
      [LLAMA]: { alias: "Llama 3.3", params: { temperature: 0.2 } },
      [QWEN]: { alias: "Qwen" },
      [R1]: { alias: "R1" },
    });
  });

  it("keeps the current primary when the import sets none", () => {
    const { config } = importModelSettings(currentFile(), example("display-names"), "merge");
    const defaults = defaultsOf(config);
    expect(defaults.model).toEqual({ primary: LLAMA, fallbacks: [QWEN] });
    expect(Object.keys(defaults.models)).toEqual([LLAMA, QWEN, R1, `${R1}:cheapest`]);
  });

  it("keeps a bare-string model a bare string", () => {
    const current = { agents: { defaults: { model: LLAMA } } };
    expect(
      defaultsOf(importModelSettings(current, { agents: { defaults: { model: R1 } } }, "merge").config).model,
    ).toBe(R1);
    const withFallbacks = importModelSettings(current, example("r1-qwen-fallback"), "merge");
    expect(defaultsOf(withFallbacks.config).model).toEqual({ primary: R1, fallbacks: [QWEN] });
  });

  it("unions the allowlists", () => {
    const current = { agents: { defaults: { modelPolicy: { allow: [LLAMA, R1] } } } };
    const incoming = { agents: { defaults: { modelPolicy: { allow: [R1, QWEN] } } } };
    const { config } = importModelSettings(current, incoming, "merge");
    expect(defaultsOf(config).modelPolicy.allow).toEqual([LLAMA, R1, QWEN]);
  });
});

describe("importModelSettings: what it ignores", () => {
  it("names the ignored parts of the import", () => {
    const incoming = {
      gateway: { mode: "remote" },
      channels: {},
      agents: { list: [], defaults: { workspace: "/tmp", model: R1, modelPolicy: { mode: "x" } } },
    };
    const { config, notes } = importModelSettings(currentFile(), incoming, "replace");
    expect(config.gateway).toEqual(currentFile().gateway);
    expect(defaultsOf(config).workspace).toBe("/home/me/work");
    expect(notes).toEqual([
      "gateway (ignored: only model settings are imported)",
      "channels (ignored: only model settings are imported)",
      "agents.list (ignored: only model settings are imported)",
      "agents.defaults.workspace (ignored: only model settings are imported)",
      "agents.defaults.modelPolicy.mode (ignored: only model settings are imported)",
    ]);
  });

  it("says when there is nothing to import", () => {
    const current = currentFile();
    const { config, notes } = importModelSettings(current, { gateway: {} }, "merge");
    expect(config).toEqual(current);
    expect(notes.at(-1)).toContain("sets no model settings");
  });

  it("ignores malformed settings with a note", () => {
    const incoming = { agents: { defaults: { model: { primary: 3, fallbacks: "x" }, models: [] } } };
    const { notes } = importModelSettings({}, incoming, "merge");
    expect(notes).toEqual([
      "agents.defaults.model.primary (ignored: not a string)",
      "agents.defaults.model.fallbacks (ignored: not a list of refs)",
      "agents.defaults.models (ignored: not an object)",
    ]);
  });

  it("skips hostile keys and never assigns them", () => {
    const incoming = JSON5.parse(
      `{__proto__: {polluted: true}, agents: {defaults: {models: {"${R1}": {alias: "R1", __proto__: {polluted: true}}, constructor: {prototype: {polluted: true}}}}}}`,
    );
    const { config, notes } = importModelSettings({}, incoming, "merge");
    const models = defaultsOf(config).models;
    expect(Object.keys(models)).toEqual([R1]);
    expect(Object.keys(models[R1])).toEqual(["alias"]);
    expect(({} as Loose).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(models[R1])).toBe(Object.prototype);
    expect(notes).toEqual([
      "__proto__ (skipped: this key name is not allowed)",
      `agents.defaults.models.${R1}.__proto__ (skipped: this key name is not allowed)`,
      "agents.defaults.models.constructor (skipped: this key name is not allowed)",
    ]);
  });
});

describe("importModelSettings: properties", () => {
  const ref = fc.constantFrom(R1, QWEN, LLAMA, `${R1}:fastest`, `${QWEN}:cheapest`, "huggingface/openai/gpt-oss-120b");
  const settings = fc.record(
    {
      model: fc.oneof(ref, fc.record({ primary: ref, fallbacks: fc.uniqueArray(ref) }, { requiredKeys: [] })),
      models: fc.dictionary(ref, fc.record({ alias: fc.string({ maxLength: 8 }) }, { requiredKeys: [] })),
      modelPolicy: fc.record({ allow: fc.uniqueArray(ref) }),
    },
    { requiredKeys: [] },
  );
  const config = fc.record(
    {
      gateway: fc.record({ mode: fc.constantFrom("local", "remote"), auth: fc.record({ token: fc.constant(MASK) }) }),
      env: fc.dictionary(fc.constantFrom("A", "B"), fc.string({ maxLength: 4 })),
      agents: fc.record(
        { defaults: settings, list: fc.array(fc.record({ id: fc.string({ maxLength: 4 }) }), { maxLength: 2 }) },
        { requiredKeys: ["defaults"] },
      ),
    },
    { requiredKeys: [] },
  );
  const mode = fc.constantFrom("replace" as const, "merge" as const);

  const withoutSettings = (value: Loose) => {
    const clone = structuredClone(value);
    const defaults = clone.agents?.defaults;
    if (defaults) {
      delete defaults.model;
      delete defaults.models;
      delete defaults.modelPolicy?.allow;
      if (defaults.modelPolicy && Object.keys(defaults.modelPolicy).length === 0) delete defaults.modelPolicy;
      if (Object.keys(defaults).length === 0) delete clone.agents.defaults;
      if (Object.keys(clone.agents).length === 0) delete clone.agents;
    }
    return clone;
  };

  it("keeps everything but the model settings, and changes neither input", () => {
    fc.assert(
      fc.property(config, config, mode, (current, incoming, m) => {
        const before = structuredClone([current, incoming]);
        const { config: out } = importModelSettings(current, incoming, m);
        expect([current, incoming]).toEqual(before);
        expect(withoutSettings(out)).toEqual(withoutSettings(current));
      }),
    );
  });

  it("merge: fallbacks keep the current ones first, have no duplicates and never the primary; merging twice changes nothing more", () => {
    fc.assert(
      fc.property(config, config, (current, incoming) => {
        const once = importModelSettings(current, incoming, "merge").config;
        const model = defaultsOf(once)?.model;
        const imported = defaultsOf(incoming)?.model !== undefined;
        if (imported && model && typeof model === "object") {
          const fallbacks: string[] = model.fallbacks ?? [];
          expect(new Set(fallbacks).size).toBe(fallbacks.length);
          expect(fallbacks).not.toContain(model.primary);
          const was = defaultsOf(current)?.model;
          const previous: string[] = typeof was === "object" ? (was.fallbacks ?? []) : [];
          const kept = previous.filter((f) => f !== model.primary);
          expect(fallbacks.slice(0, kept.length)).toEqual(kept);
        }
        expect(importModelSettings(once, incoming, "merge").config).toEqual(once);
      }),
    );
  });

  it("replace twice is replace once", () => {
    fc.assert(
      fc.property(config, config, (current, incoming) => {
        const once = importModelSettings(current, incoming, "replace").config;
        expect(importModelSettings(once, incoming, "replace").config).toEqual(once);
      }),
    );
  });
});

describe("hasComments", () => {
  it("finds line and block comments outside strings only", () => {
    expect(hasComments("{\n  // a note\n  a: 1 }")).toBe(true);
    expect(hasComments("{ /* x */ a: 1 }")).toBe(true);
    expect(hasComments("{ url: \"https://router.huggingface.co/v1\", b: '//' }")).toBe(false);
    expect(hasComments('{ a: "say \\"//\\"" }')).toBe(false);
    expect(hasComments(docExample("default-model")!.text)).toBe(false);
  });
});
