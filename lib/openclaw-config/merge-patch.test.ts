import { describe, expect, it } from "vitest";
import { mergePatchOf } from "./merge-patch";

/** RFC 7396 applied, to check that the patch really leads from before to after. */
function apply(target: unknown, patch: unknown): unknown {
  if (typeof patch !== "object" || patch === null || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> =
    typeof target === "object" && target !== null && !Array.isArray(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = apply(out[k], v);
  }
  return out;
}

const before = {
  meta: { lastTouchedVersion: "2026.9.6" },
  gateway: { mode: "local", port: 18789 },
  agents: {
    defaults: {
      model: { primary: "huggingface/a", fallbacks: ["huggingface/b", "huggingface/c"] },
      models: { "huggingface/a": { alias: "A" }, "huggingface/b": { alias: "B" } },
      modelPolicy: { allow: ["huggingface/a", "huggingface/b"] },
    },
  },
};

describe("mergePatchOf", () => {
  it("is null when nothing changed", () => {
    expect(mergePatchOf(before, structuredClone(before))).toEqual({ patch: null, replacePaths: [] });
  });

  it("sends only the changed subtree for a new primary", () => {
    const after = structuredClone(before);
    after.agents.defaults.model.primary = "huggingface/z";
    expect(mergePatchOf(before, after)).toEqual({
      patch: { agents: { defaults: { model: { primary: "huggingface/z" } } } },
      replacePaths: [],
    });
  });

  it("says a removed alias entry with null and lists shrinking arrays in replacePaths", () => {
    const after = structuredClone(before);
    after.agents.defaults.model.fallbacks = ["huggingface/c"];
    delete (after.agents.defaults.models as Record<string, unknown>)["huggingface/b"];
    after.agents.defaults.modelPolicy.allow = ["huggingface/a"];
    const { patch, replacePaths } = mergePatchOf(before, after);
    expect(patch).toEqual({
      agents: {
        defaults: {
          model: { fallbacks: ["huggingface/c"] },
          models: { "huggingface/b": null },
          modelPolicy: { allow: ["huggingface/a"] },
        },
      },
    });
    expect(replacePaths.sort()).toEqual(["agents.defaults.model.fallbacks", "agents.defaults.modelPolicy.allow"]);
    expect(apply(before, patch)).toEqual(after);
  });

  it("does not list a new array, and leaves out skipped keys", () => {
    const after = structuredClone(before) as Record<string, unknown> & typeof before;
    after.meta = { lastTouchedVersion: "later" };
    (after as Record<string, unknown>).models = { providers: { huggingface: { models: [{ id: "x" }] } } };
    const { patch, replacePaths } = mergePatchOf(before, after, ["meta"]);
    expect(patch).toEqual({ models: { providers: { huggingface: { models: [{ id: "x" }] } } } });
    expect(replacePaths).toEqual([]);
  });

  it("deletes a whole subtree with null", () => {
    const after = structuredClone(before) as Record<string, unknown>;
    (after.agents as { defaults: Record<string, unknown> }).defaults.modelPolicy = undefined;
    delete (after.agents as { defaults: Record<string, unknown> }).defaults.modelPolicy;
    expect(mergePatchOf(before, after).patch).toEqual({ agents: { defaults: { modelPolicy: null } } });
  });

  it("lists the arrays a deletion removes, which OpenClaw refuses to drop otherwise", () => {
    const after = structuredClone(before) as Record<string, unknown>;
    const defaults = (after.agents as { defaults: Record<string, unknown> }).defaults;
    delete defaults.modelPolicy;
    defaults.model = { primary: "huggingface/a" };
    const { patch, replacePaths } = mergePatchOf(before, after);
    expect(patch).toMatchObject({ agents: { defaults: { modelPolicy: null, model: { fallbacks: null } } } });
    expect(replacePaths.sort()).toEqual(["agents.defaults.model.fallbacks", "agents.defaults.modelPolicy.allow"]);
  });
});
