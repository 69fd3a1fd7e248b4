import { describe, expect, it } from "vitest";
import { buildSnippet, SNIPPET_LANGUAGES, toPython } from "./snippets";

const input = {
  request: {
    model: "Fast",
    system: "Be brief",
    messages: [{ role: "user" as const, content: "It's 'quoted'" }],
    temperature: 0.2,
    stop: ["END"],
  },
  routerModel: "openai/gpt-oss-120b:groq",
};

describe("snippets", () => {
  it.each(SNIPPET_LANGUAGES.map((l) => l.id))(
    "%s reads the token from the environment and names the router model",
    (language) => {
      const text = buildSnippet(language, input);
      expect(text).toContain("openai/gpt-oss-120b:groq");
      expect(text).toContain("HF_TOKEN");
      expect(text).not.toMatch(/hf_[A-Za-z0-9]/);
      expect(text).toContain("Be brief");
    },
  );

  it("curl quotes single quotes for the shell", () => {
    const text = buildSnippet("curl", input);
    expect(text).toContain(`Bearer $HF_TOKEN`);
    expect(text).toContain(`It'\\''s '\\''quoted'\\''`);
  });

  it("python uses os.environ and Python literals", () => {
    const text = buildSnippet("python", input);
    expect(text).toContain(`api_key=os.environ["HF_TOKEN"]`);
    expect(text).toContain("stream=True");
    expect(toPython({ a: [true, false, null] })).toBe(
      '{\n    "a": [\n        True,\n        False,\n        None,\n    ],\n}',
    );
  });

  it("javascript uses process.env", () => {
    expect(buildSnippet("javascript", input)).toContain("apiKey: process.env.HF_TOKEN");
  });
});
