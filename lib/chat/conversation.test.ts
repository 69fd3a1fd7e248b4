import { describe, expect, it } from "vitest";
import { newAnswer } from "./answer";
import { CONVERSATION_KEY, loadConversation, messagesOf, saveConversation } from "./conversation";

function memoryStorage() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k), map };
}

describe("conversation storage", () => {
  it("round-trips and stores a running answer as stopped", () => {
    const storage = memoryStorage();
    saveConversation(storage, { model: "m/x", system: "s", turns: [{ role: "user", content: "Hi" }, { role: "assistant", answer: { ...newAnswer(1), content: "Hel" } }] });
    const loaded = loadConversation(storage);
    expect(loaded?.turns[1]).toMatchObject({ role: "assistant", answer: { status: "stopped", content: "Hel" } });
    expect(messagesOf(loaded!.turns)).toEqual([{ role: "user", content: "Hi" }, { role: "assistant", content: "Hel" }]);
  });

  it("drops tampered or foreign data", () => {
    const storage = memoryStorage();
    storage.setItem(CONVERSATION_KEY, '{"model":1}');
    expect(loadConversation(storage)).toBeNull();
    storage.setItem(CONVERSATION_KEY, "not json");
    expect(loadConversation(storage)).toBeNull();
  });
});
