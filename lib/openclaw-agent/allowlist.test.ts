import { describe, expect, it } from "vitest";
import { isAllowed, readAllowlist } from "./allowlist";

const QWEN = "huggingface/Qwen/Qwen3-8B";
const GLM = "huggingface/zai-org/GLM-4.5";

describe("readAllowlist", () => {
  it("reads the keys of agents.defaults.models in a legacy file (no meta migration)", () => {
    const config = {
      agents: { defaults: { models: { [QWEN]: {}, [GLM]: { alias: "G" } }, modelPolicy: { allow: [QWEN] } } },
    };
    expect(readAllowlist(config)).toEqual({ path: "agents.defaults.models", refs: [QWEN, GLM] });
  });

  it("reads agents.defaults.modelPolicy.allow once the file is migrated, whatever models holds", () => {
    const config = {
      meta: { migrations: { modelPolicyAllowlist: true } },
      agents: { defaults: { models: { [QWEN]: {}, [GLM]: {} }, modelPolicy: { allow: [QWEN, 7, ""] } } },
    };
    expect(readAllowlist(config)).toEqual({ path: "agents.defaults.modelPolicy.allow", refs: [QWEN] });
  });

  it("is empty (any model) without a list, and for no file at all", () => {
    expect(readAllowlist({ meta: { migrations: { modelPolicyAllowlist: true } } }).refs).toEqual([]);
    expect(readAllowlist(null)).toEqual({ path: "agents.defaults.models", refs: [] });
  });
});

describe("isAllowed", () => {
  const list = { path: "agents.defaults.modelPolicy.allow" as const, refs: [QWEN] };

  it("allows any model when the list is empty", () => {
    expect(isAllowed(GLM, { ...list, refs: [] })).toBe(true);
  });

  it("matches exact refs only: another policy suffix is another ref", () => {
    expect(isAllowed(QWEN, list)).toBe(true);
    expect(isAllowed(`${QWEN}:groq`, list)).toBe(false);
    expect(isAllowed(GLM, list)).toBe(false);
  });

  it("lets provider/* allow every model of that provider", () => {
    expect(isAllowed(`${GLM}:cheapest`, { ...list, refs: ["huggingface/*"] })).toBe(true);
    expect(isAllowed("openai/gpt-5", { ...list, refs: ["huggingface/*"] })).toBe(false);
  });

  it("lets a namespace wildcard allow that namespace only, at a segment boundary", () => {
    const list = { path: "agents.defaults.modelPolicy.allow" as const, refs: ["huggingface/zai-org/*"] };
    expect(isAllowed(`${GLM}:together`, list)).toBe(true);
    expect(isAllowed(QWEN, list)).toBe(false);
    expect(isAllowed("huggingface/zai-org-fork/x", list)).toBe(false);
  });

  it("matches an alias named in modelPolicy.allow (ignoring case), not in a legacy file's keys", () => {
    const policy = { path: "agents.defaults.modelPolicy.allow" as const, refs: ["thinker"] };
    expect(isAllowed(QWEN, policy, "Thinker")).toBe(true);
    expect(isAllowed(QWEN, policy)).toBe(false);
    expect(isAllowed(QWEN, { path: "agents.defaults.models", refs: ["thinker"] }, "Thinker")).toBe(false);
  });
});
