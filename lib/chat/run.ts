// Runs one request to its end, reporting the growing answer after every event.
import { applyEvent, newAnswer, stopAnswer, type Answer } from "./answer";
import { streamChat } from "./client";
import type { ChatRequest } from "./request";

interface RunOptions {
  signal?: AbortSignal;
  onUpdate: (answer: Answer) => void;
  now?: () => number;
}

export async function runChat(
  request: ChatRequest,
  { signal, onUpdate, now = () => performance.now() }: RunOptions,
): Promise<Answer> {
  let answer = newAnswer(now());
  onUpdate(answer);
  try {
    await streamChat(request, {
      signal,
      onEvent: (event) => {
        answer = applyEvent(answer, event, now());
        onUpdate(answer);
      },
    });
  } catch (error) {
    if (!signal?.aborted) throw error;
  }
  if (signal?.aborted) {
    answer = stopAnswer(answer, now());
    onUpdate(answer);
  }
  return answer;
}
