import { describe, expect, it } from "vitest";
import { publicUrl } from "./playground-settings";

describe("publicUrl", () => {
  it("keeps a plain router URL, without trailing slashes", () => {
    expect(publicUrl("https://router.huggingface.co/v1///")).toBe("https://router.huggingface.co/v1");
  });
  it("never passes on a URL that carries credentials, in any part", () => {
    for (const url of [
      "https://user:pw@router.example/v1",
      "https://router.example/v1?api_key=abc",
      "https://router.example/v1#access_token=abc",
      "file:///etc/passwd",
      "not a url",
    ])
      expect(publicUrl(url), url).toBeUndefined();
  });
  it("trims a long run of slashes", () => {
    expect(publicUrl(`https://router.example/v1${"/".repeat(100_000)}`)).toBe("https://router.example/v1");
  });
});
