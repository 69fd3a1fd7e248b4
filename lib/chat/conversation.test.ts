import { describe, expect, it } from "vitest";
import { newAnswer } from "./answer";
import { CONVERSATION_KEY, loadConversation, messagesOf, saveConversation } from "./conversation";

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    map,
  };
}

describe("conversation storage", () => {
  it("round-trips and stores a running answer as stopped", () => {
    const storage = memoryStorage();
    saveConversation(storage, {
      model: "m/x",
      system: "s",
      turns: [
        { role: "user", content: "Hi" },
        { role: "assistant", answer: { ...newAnswer(1), content: "Hel" } },
      ],
    });
    const loaded = loadConversation(storage);
    expect(loaded?.turns[1]).toMatchObject({ role: "assistant", answer: { status: "stopped", content: "Hel" } });
    expect(messagesOf(loaded!.turns)).toEqual([
      { role: "user", content: "Hi" },
      { role: "assistant", content: "Hel" },
    ]);
  });

  it("drops tampered or foreign data", () => {
    const storage = memoryStorage();
    storage.setItem(CONVERSATION_KEY, '{"model":1}');
    expect(loadConversation(storage)).toBeNull();
    storage.setItem(CONVERSATION_KEY, "not json");
    expect(loadConversation(storage)).toBeNull();
    const good = {
      model: "m/x",
      system: "",
      turns: [
        { role: "user", content: "Hi" },
        {
          role: "assistant",
          answer: {
            status: "done",
            content: "Yo",
            reasoning: "",
            startedAt: 1,
            meta: { ref: "r", model: "m", provider: null, requestId: null },
          },
        },
      ],
    };
    storage.setItem(CONVERSATION_KEY, JSON.stringify(good));
    expect(loadConversation(storage)?.turns).toHaveLength(2);
    const bad = [
      { ...good, model: "x".repeat(301) },
      { ...good, turns: [{ role: "system", content: "Hi" }] },
      { ...good, turns: [{ role: "assistant", answer: { ...good.turns[1].answer, status: "streaming" } }] },
      { ...good, turns: [{ role: "assistant", answer: { ...good.turns[1].answer, startedAt: "1" } }] },
      { ...good, turns: [{ role: "assistant", answer: { ...good.turns[1].answer, meta: { ref: "r" } } }] },
      { ...good, turns: Array.from({ length: 401 }, () => ({ role: "user", content: "a" })) },
      { ...good, turns: {} },
    ];
    for (const value of bad) {
      storage.setItem(CONVERSATION_KEY, JSON.stringify(value));
      expect(loadConversation(storage), JSON.stringify(value).slice(0, 120)).toBeNull();
    }
  });
});
