import fc from "fast-check";
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

/** The words of a line as a POSIX shell reads them, for lines made of plain and single-quoted parts. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === " ") {
      if (word !== null) words.push(word);
      word = null;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end === -1) throw new Error("unterminated quote");
      word = (word ?? "") + line.slice(i + 1, end);
      i = end;
    } else if (c === "\\") {
      word = (word ?? "") + line[++i];
    } else if (/[;&|<>()$`"*?[#~=%!{}]/.test(c)) {
      throw new Error(`unquoted ${c}`);
    } else {
      word = (word ?? "") + c;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

describe("the curl snippet's URL", () => {
  const curlLine = (baseUrl: string) => buildSnippet("curl", { ...input, baseUrl }).split("\n")[0];

  it("is one shell word whatever the config holds", () => {
    for (const baseUrl of [
      "https://h/v1?a=1&b=$(touch /tmp/x)",
      "https://h/v1'; rm -rf ~; '",
      "not a url; rm -rf ~",
      "`id`",
    ]) {
      const words = shellWords(curlLine(baseUrl).replace(/ \\$/, ""));
      expect(words).toHaveLength(2);
      expect(words[0]).toBe("curl");
      expect(words[1].endsWith("/chat/completions")).toBe(true);
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (baseUrl) => {
        const words = shellWords(curlLine(baseUrl).replace(/ \\$/, ""));
        expect(words).toHaveLength(2);
      }),
      { numRuns: 500 },
    );
  });

  it("is normalised by the URL parser", () => {
    expect(curlLine("HTTPS://Router.HuggingFace.co/v1/")).toBe(
      "curl 'https://router.huggingface.co/v1/chat/completions' \\",
    );
    expect(buildSnippet("python", { ...input, baseUrl: "https://h.example/a b/" })).toContain(
      'base_url="https://h.example/a%20b",',
    );
    expect(buildSnippet("javascript", { ...input, baseUrl: "https://h.example/v1//" })).toContain(
      'baseURL: "https://h.example/v1",',
    );
  });
});
