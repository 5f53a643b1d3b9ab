import { describe, expect, it } from "vitest";
import {
  Conversation,
  loadFlow,
  recordingLlm,
  withProvider,
} from "../../test/helpers/engineHarness";
import { freshIndexedDB, openTestStorage } from "./storageTestSupport";

/**
 * The engine over the real IndexedDB saver (fake-indexeddb), with the database closed and
 * reopened between turns: what a page reload does to a conversation.
 */
describe("the IndexedDB state saver under the engine", () => {
  it("seed 6: a reload between turns 1 and 2 of the memory chat changes nothing", async () => {
    const indexedDB = freshIndexedDB();
    const llm = recordingLlm();
    const flow = withProvider(loadFlow("chat-with-memory"), "openai");
    const before = await openTestStorage(indexedDB);
    const chat = new Conversation(flow, before.saver, llm.providers);
    await before.conversations.create({ flowId: chat.flowId, id: chat.id });
    await chat.say("Hi! My name is David");
    before.close();

    const after = await openTestStorage(indexedDB);
    const conversation = await after.conversations.get(chat.id);
    expect(conversation?.headRunId).toBe(chat.head);
    chat.saver = after.saver;
    await chat.say("What is my name?");
    expect(llm.calls[1]?.messages).toEqual([
      "user: Hi! My name is David",
      "assistant: A1",
      "user: What is my name?",
    ]);
    after.close();
  });

  it("seed 3 with reopens: window 5 after four turns still gives [A2, U3, A3, U4, A4, U5]", async () => {
    const indexedDB = freshIndexedDB();
    const llm = recordingLlm();
    const flow = withProvider(loadFlow("memory-window-5"), "openai");
    let storage = await openTestStorage(indexedDB);
    const chat = new Conversation(flow, storage.saver, llm.providers);
    await storage.conversations.create({ flowId: chat.flowId, id: chat.id });
    for (const u of ["U1", "U2", "U3", "U4", "U5"]) {
      await chat.say(u);
      storage.close();
      storage = await openTestStorage(indexedDB);
      chat.saver = storage.saver;
    }
    expect(llm.calls[4]?.messages).toEqual([
      "assistant: A2",
      "user: U3",
      "assistant: A3",
      "user: U4",
      "assistant: A4",
      "user: U5",
    ]);
    const last = await storage.runs.get(chat.head as NonNullable<typeof chat.head>);
    expect(last?.nodes.find((n) => n.nodeId === "chat_llm")?.llm?.memory?.droppedCount).toBe(3);
    storage.close();
  });
});
