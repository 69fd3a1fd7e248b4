import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readModelSettings } from "@/lib/openclaw-config/model-settings";
import type { ModelChange } from "./change";
import { applyChangeToSettings, mergeChanges, normalizeChange } from "./draft";
import { applyModelChange } from "./edit";

const refs = ["huggingface/a/b", "huggingface/a/b:fastest", "huggingface/c/d:together", "huggingface/e/f"];
const ref = fc.constantFrom(...refs);
const change: fc.Arbitrary<ModelChange> = fc.record(
  {
    primary: ref,
    fallbacks: fc.uniqueArray(ref, { maxLength: 3 }),
    aliases: fc.dictionary(ref, fc.constantFrom("", "x", "y", "z")),
    allow: fc.uniqueArray(ref, { maxLength: 3 }),
  },
  { requiredKeys: [] },
);
const clean = (s: ReturnType<typeof readModelSettings>) => ({
  primary: s.primary,
  fallbacks: s.fallbacks,
  aliases: s.aliases,
  allow: [...s.allow].sort(),
  modelEntries: [...s.modelEntries].sort(),
});
const MIGRATED = { meta: { migrations: { modelPolicyAllowlist: true } } };

describe("draft changes", () => {
  it("predict exactly what the server edit will save, in a legacy file and in a migrated one", () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 4 }), fc.boolean(), (steps, migrated) => {
        let config: Record<string, unknown> = migrated ? structuredClone(MIGRATED) : {};
        let draft: ModelChange = {};
        const start = readModelSettings(config);
        for (const step of steps) draft = mergeChanges(draft, step);
        const result = applyModelChange(config, draft);
        fc.pre(result.issues.length === 0);
        config = result.config;
        const predicted = applyChangeToSettings(start, draft);
        expect(clean({ ...start, ...predicted })).toEqual(clean(readModelSettings(config)));
      }),
      { numRuns: 200 },
    );
  });
  it("normalises a change that changes nothing to nothing", () => {
    const settings = {
      primary: "huggingface/a/b",
      fallbacks: ["huggingface/e/f"],
      aliases: { "huggingface/a/b": "x" },
      allow: ["huggingface/a/b", "huggingface/e/f"],
    };
    expect(
      normalizeChange(settings, {
        primary: "huggingface/a/b",
        fallbacks: ["huggingface/e/f"],
        aliases: { "huggingface/a/b": "x" },
        allow: ["huggingface/e/f"],
      }),
    ).toEqual({});
    expect(normalizeChange(settings, { aliases: { "huggingface/a/b": "" }, allow: [] })).toEqual({
      aliases: { "huggingface/a/b": "" },
    });
  });
  it("merges later steps over earlier ones, aliases key by key", () => {
    expect(
      mergeChanges(
        { primary: "huggingface/a/b", aliases: { x: "1", y: "2" } },
        { primary: "huggingface/e/f", aliases: { y: "" } },
      ),
    ).toEqual({ primary: "huggingface/e/f", aliases: { x: "1", y: "" } });
  });
});

describe("stored drafts read back", () => {
  it("accept exactly what the server's schema accepts", async () => {
    const { asModelChange } = await import("./ref-rules");
    const { modelChangeSchema } = await import("./change");
    const value = fc.oneof(
      change,
      fc.record(
        {
          primary: fc.constantFrom("huggingface/a/b", "bad ref", "huggingface/a/b\n"),
          fallbacks: fc.constantFrom(["huggingface/a/b", "huggingface/a/b"], []),
          aliases: fc.constantFrom({ "huggingface/a/b": "x".repeat(65) }, { "huggingface/a/b": "ok" }),
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue(),
    );
    fc.assert(
      fc.property(value, (v) => {
        expect(asModelChange(v) !== null).toBe(modelChangeSchema.safeParse(v).success);
      }),
      { numRuns: 300 },
    );
  });
});
