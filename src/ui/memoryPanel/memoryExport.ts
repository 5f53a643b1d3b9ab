import type { MemoryMessage } from "../../engine/messages";

/** A memory as a file: the log in order, with who wrote each message and when. */
export interface MemoryExport {
  schema: "llm-flow-studio/memory";
  version: 1;
  memoryId: string;
  conversationId: string | null;
  messages: {
    role: MemoryMessage["role"];
    content: string;
    nodeId: string;
    runId: string;
    /** Milliseconds since 1970, as stored. */
    createdAt: number;
  }[];
}

export function memoryExport(
  memoryId: string,
  conversationId: string | null,
  oldestFirst: readonly MemoryMessage[],
): MemoryExport {
  return {
    schema: "llm-flow-studio/memory",
    version: 1,
    memoryId,
    conversationId,
    messages: oldestFirst.map((m) => ({
      role: m.role,
      content: m.content,
      nodeId: m.nodeId,
      runId: m.runId,
      createdAt: m.createdAt,
    })),
  };
}

/** `<memoryId>.memory.json`; memory ids may hold any character, file names may not. */
export function exportFileName(memoryId: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes.
  const safe = memoryId.replace(/[\u0000-\u001f<>:"/\\|?*]/g, "_").trim() || "memory";
  return `${safe}.memory.json`;
}
