import type { LlmProvider } from "./provider";
import { ProviderError } from "./provider";

/**
 * The offline provider: no key, no network. It answers with an honest account of what it
 * received, so a newcomer can watch memory work before entering any key.
 */
export const echoProvider: LlmProvider = async (request) => {
  if (request.signal.aborted) throw new ProviderError("aborted", "Stopped.", { provider: "echo" });
  const text = describeRequest(request.messages);
  const pieces = text.match(/\S+\s*/g) ?? [text];
  for (const piece of pieces) {
    if (request.signal.aborted)
      throw new ProviderError("aborted", "Stopped.", { provider: "echo" });
    request.onDelta(piece);
  }
  const inputTokens = request.messages.reduce((n, m) => n + countWords(m.content), 0);
  return { text, usage: { inputTokens, outputTokens: pieces.length } };
};

const countWords = (s: string) => s.split(/\s+/).filter(Boolean).length;

function describeRequest(messages: Parameters<LlmProvider>[0]["messages"]): string {
  const fromMemory = new Map<string, number>();
  let system = 0;
  for (const m of messages) {
    if (m.source.kind === "system") system++;
    if (m.source.kind === "memory") {
      fromMemory.set(m.source.memoryId, (fromMemory.get(m.source.memoryId) ?? 0) + 1);
    }
  }
  const total = messages.length;
  const parts = [`I received ${total} message${total === 1 ? "" : "s"}`];
  const memoryCount = [...fromMemory.values()].reduce((a, b) => a + b, 0);
  if (memoryCount === 0) {
    parts.push("none from memory");
  } else {
    for (const [id, n] of fromMemory) parts.push(`${n} from memory "${id}"`);
  }
  if (system > 0) parts.push("1 system prompt");
  const lastUser = [...messages].reverse().find((m) => m.role === "user");
  const quote = lastUser ? ` Your last message: "${shorten(lastUser.content)}"` : "";
  return `Echo: ${parts.join(", ")}.${quote}`;
}

/** Keeps the answer short when the prompt is long (say, another model's whole reply). */
const QUOTE_LIMIT = 120;
function shorten(text: string): string {
  return text.length <= QUOTE_LIMIT ? text : `${text.slice(0, QUOTE_LIMIT - 1)}…`;
}
