import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";
import chatWithMemory from "../../../test/fixtures/flows/chat-with-memory.flow.json";
import { Conversation, recordingLlm } from "../../../test/helpers/engineHarness";
import type { Flow } from "../../engine/flow";
import { InMemorySaver } from "../../engine/InMemorySaver";
import { flowId, type MessageId, type RunId } from "../../engine/ids";
import type { MemoryMessage } from "../../engine/messages";
import type { ProviderRequest } from "../../engine/provider";
import type { StudioStorage } from "../../storage/studioStorage";
import { turnFromRun } from "../../store/chatTurns";
import { useFlowStore } from "../../store/flowStore";
import { setTestStudio, studioStoreOver } from "../studioTestSupport";

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(cleanup);

/** The slice of StudioStorage the run and memory panels read, over an in-memory saver. */
export function storageOver(saver: InMemorySaver): StudioStorage {
  return {
    saver,
    runs: {
      get: async (id: RunId) => saver.runs.get(id),
      listByConversation: async () => [...saver.runs.values()],
    },
    messages: {
      resolve: async (ids: readonly MessageId[]): Promise<MemoryMessage[]> =>
        ids.map((id) => {
          const message = saver.messages.get(id);
          if (!message) throw new Error(`Memory message ${id} is missing`);
          return message;
        }),
    },
  } as unknown as StudioStorage;
}

/** "Chat with memory" (chat_llm remembers in memory chat_llm), with an optional window. */
export function chatFlow(windowSize?: number): Flow {
  // Imported, not read with loadFlow: under happy-dom import.meta.url is not a file URL.
  const flow = structuredClone(chatWithMemory) as Flow;
  return {
    ...flow,
    nodes: flow.nodes.map((n) =>
      n.type === "llm" && windowSize !== undefined
        ? { ...n, config: { ...n.config, memoryWindowSize: windowSize } }
        : n,
    ),
  };
}

/**
 * Runs a real conversation through the engine (a stand-in LLM answering A1, A2, …) and puts
 * it on screen as the studio would after loading it: runs, the chat's turns, the head.
 */
export async function converse(
  flow: Flow,
  inputs: readonly string[],
  reply?: (call: number, request: ProviderRequest) => Promise<string> | string,
) {
  const llm = recordingLlm(reply);
  const saver = new InMemorySaver();
  const chat = new Conversation(flow, saver, llm.providers);
  for (const input of inputs) await chat.say(input);
  useFlowStore.getState().open(flowId("runs-test"), flow);
  setTestStudio(studioStoreOver(storageOver(saver))).setState({
    conversationId: chat.id,
    runs: [...chat.runs],
    turns: chat.runs.map((run) => turnFromRun(run)),
    headRunId: chat.head,
    pendingClears: [],
    inspectedRunId: null,
    comparedRunId: null,
  });
  return { llm, saver, chat };
}
