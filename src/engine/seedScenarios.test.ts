import { describe, expect, it } from "vitest";
import {
  Conversation,
  loadFlow,
  recordingLlm,
  withProvider,
} from "../../test/helpers/engineHarness";
import { InMemorySaver } from "./InMemorySaver";

/** The six seed scenarios of docs/memory.md: what the provider receives, turn by turn. */
function setup(fixture: string) {
  const llm = recordingLlm();
  const saver = new InMemorySaver();
  const chat = new Conversation(withProvider(loadFlow(fixture), "openai"), saver, llm.providers);
  return { llm, saver, chat };
}

describe("seed scenarios (docs/memory.md)", () => {
  it("1. no memory: the second call gets only the second message", async () => {
    const { llm, chat } = setup("chat-without-memory");
    await chat.say("Hi! My name is David");
    await chat.say("What is my name?");
    expect(llm.calls[1]?.messages).toEqual(["user: What is my name?"]);
  });

  it("2. memoryId = chat_llm: the second call gets [U1, A1, U2]", async () => {
    const { llm, chat } = setup("chat-with-memory");
    await chat.say("Hi! My name is David");
    await chat.say("What is my name?");
    expect(llm.calls[1]?.messages).toEqual([
      "user: Hi! My name is David",
      "assistant: A1",
      "user: What is my name?",
    ]);
  });

  it("3. window 5 after four turns: the fifth call gets [A2, U3, A3, U4, A4, U5]", async () => {
    const { llm, chat } = setup("memory-window-5");
    for (const u of ["U1", "U2", "U3", "U4", "U5"]) await chat.say(u);
    expect(llm.calls[4]?.messages).toEqual([
      "assistant: A2",
      "user: U3",
      "assistant: A3",
      "user: U4",
      "assistant: A4",
      "user: U5",
    ]);
  });

  it("4. window 0: every call gets only the current prompt", async () => {
    const { llm, chat } = setup("window-0");
    for (const u of ["U1", "U2", "U3"]) await chat.say(u);
    expect(llm.calls.map((c) => c.messages)).toEqual([["user: U1"], ["user: U2"], ["user: U3"]]);
  });

  it("4b. window 0 still records: the memory grows even though no call sees it", async () => {
    const { chat } = setup("window-0");
    await chat.say("U1");
    const second = await chat.say("U2");
    const record = second.nodes.find((n) => n.nodeId === "chat_llm")?.llm?.memory;
    expect(record?.droppedCount).toBe(2);
    expect(record?.keptIds).toEqual([]);
  });

  it("5a. shared memory in sequence: llm2 sees llm1's exchange, memory ends [U1, A1, P2, A2]", async () => {
    const { llm, chat, saver } = setup("shared-memory-sequence");
    const run = await chat.say("U1");
    expect(llm.calls.map((c) => c.messages)).toEqual([
      ["user: U1"],
      ["user: U1", "assistant: A1", "user: Summarize: A1"],
    ]);
    const head = run.memoryHeads.shared_memory ?? null;
    const log = (await saver.readBack(head, 100)).reverse().map((m) => `${m.role}: ${m.content}`);
    expect(log).toEqual(["user: U1", "assistant: A1", "user: Summarize: A1", "assistant: A2"]);
  });

  it("5b. shared memory in parallel: llm_a gets [U], llm_b gets [U, A_a, U], always in that order", async () => {
    for (let i = 0; i < 5; i++) {
      const { llm, chat } = setup("shared-memory-parallel");
      await chat.say("U");
      expect(llm.calls.map((c) => c.messages)).toEqual([
        ["user: U"],
        ["user: U", "assistant: A1", "user: U"],
      ]);
    }
  });

  it("6. a reload between turns (a new saver object over the same storage) gives the same result", async () => {
    const { llm, chat, saver } = setup("chat-with-memory");
    await chat.say("Hi! My name is David");
    // What survives a reload: the stored runs and messages, and the conversation's head id.
    const reloaded = new InMemorySaver();
    for (const [k, v] of saver.runs) reloaded.runs.set(k, structuredClone(v));
    for (const [k, v] of saver.messages) reloaded.messages.set(k, structuredClone(v));
    const after = new Conversation(chat.flow, reloaded, llm.providers);
    Object.assign(after, { id: chat.id, head: chat.head });
    await after.say("What is my name?");
    expect(llm.calls[1]?.messages).toEqual([
      "user: Hi! My name is David",
      "assistant: A1",
      "user: What is my name?",
    ]);
  });
});
