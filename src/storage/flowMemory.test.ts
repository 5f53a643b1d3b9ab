import { describe, expect, it } from "vitest";
import { Conversation, loadFlow, recordingLlm } from "../../test/helpers/engineHarness";
import type { Flow } from "../engine/flow";
import { type FlowId, flowId, type MessageId, memoryId } from "../engine/ids";
import { flowThreadId, withMemoryScope } from "../engine/memoryScope";
import type { ProviderResolver } from "../engine/provider";
import { readBackupFile } from "../format/readBackupFile";
import { writeBackupFile } from "../format/writeBackupFile";
import { BackupRepository } from "./backupRepository";
import { openTestStorage } from "./storageTestSupport";
import type { StudioStorage } from "./studioStorage";

/*
 * Memory across conversations (docs/memory.md), in IndexedDB (fake-indexeddb): a flow-scoped
 * memory is one log every conversation of the flow reads and writes; a conversation-scoped
 * one starts empty in each new conversation.
 */

const MEMORY = memoryId("chat_llm");
const CONVERSATION_SCOPED = loadFlow("chat-with-memory");
const FLOW_SCOPED = withMemoryScope(CONVERSATION_SCOPED, MEMORY, "flow");
const FLOW = flowId("flow");

function start(storage: StudioStorage, flow: Flow, providers: ProviderResolver) {
  const conversation = new Conversation(flow, storage.saver, providers);
  return {
    conversation,
    say: (input: string) =>
      conversation.say(
        input,
        conversation.head === null ? { newConversation: { title: input } } : {},
      ),
  };
}

/** The flow's shared thread, in log order. */
const threadOf = async (storage: StudioStorage) =>
  (await storage.db.getAllFromIndex("memoryMessages", "byConversationId", flowThreadId(FLOW))).sort(
    (a, b) => a.index - b.index,
  );

describe("memory across conversations", () => {
  it("a fact told in one conversation is known in the next for a flow-scoped memory", async () => {
    const storage = await openTestStorage();
    const llm = recordingLlm();
    await start(storage, FLOW_SCOPED, llm.providers).say("My name is David");
    await start(storage, FLOW_SCOPED, llm.providers).say("What is my name?");
    expect(llm.calls[1]?.messages).toEqual([
      "user: My name is David",
      "assistant: A1",
      "user: What is my name?",
    ]);
    // Stored under the flow's thread, not under either conversation.
    expect((await threadOf(storage)).map((m) => m.content)).toEqual([
      "My name is David",
      "A1",
      "What is my name?",
      "A2",
    ]);
  });

  it("a conversation-scoped memory starts empty in a new conversation", async () => {
    const storage = await openTestStorage();
    const llm = recordingLlm();
    await start(storage, CONVERSATION_SCOPED, llm.providers).say("My name is David");
    await start(storage, CONVERSATION_SCOPED, llm.providers).say("What is my name?");
    expect(llm.calls[1]?.messages).toEqual(["user: What is my name?"]);
    expect(await threadOf(storage)).toEqual([]);
  });

  it("a rewind to the start of a conversation does not rewind a flow-scoped memory", async () => {
    const storage = await openTestStorage();
    const llm = recordingLlm();
    const chat = start(storage, FLOW_SCOPED, llm.providers);
    await chat.say("U1");
    // Resent from the start: parent null, as editing the first message does.
    await chat.conversation.say("U1 again", { parentRunId: null });
    expect(llm.calls[1]?.messages).toEqual(["user: U1", "assistant: A1", "user: U1 again"]);
  });

  it("a failed call leaves no message and the shared head where it was", async () => {
    const storage = await openTestStorage();
    const llm = recordingLlm((n) => {
      if (n === 2) throw new Error("model down");
      return `A${n}`;
    });
    const first = await start(storage, FLOW_SCOPED, llm.providers).say("U1");
    const failed = await start(storage, FLOW_SCOPED, llm.providers).say("U2");
    expect(failed.status).toBe("error");
    expect((await threadOf(storage)).map((m) => m.content)).toEqual(["U1", "A1"]);
    expect(await storage.flowMemory.heads(FLOW)).toEqual({ chat_llm: first.memoryHeads.chat_llm });
  });

  it("two conversations writing at once: the second to finish is refused whole, nothing orphaned", async () => {
    const storage = await openTestStorage();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const llm = recordingLlm(async (n) => {
      if (n === 1) await gate; // the first conversation's call answers last
      return `A${n}`;
    });
    const slow = start(storage, FLOW_SCOPED, llm.providers).say("slow");
    await expect.poll(() => llm.calls.length).toBe(1);
    const fast = await start(storage, FLOW_SCOPED, llm.providers).say("fast");
    release();
    const refused = await slow;
    expect(fast.status).toBe("ok");
    expect(refused.status).toBe("error");
    expect(refused.error?.message).toMatch(
      /shared memory "chat_llm" was changed by another conversation/,
    );
    expect((await threadOf(storage)).map((m) => m.content)).toEqual(["fast", "A2"]);
    expect(await storage.flowMemory.heads(FLOW)).toEqual({ chat_llm: fast.memoryHeads.chat_llm });
  });

  it("clearing empties it for every conversation and keeps what earlier runs received", async () => {
    const storage = await openTestStorage();
    const llm = recordingLlm();
    await start(storage, FLOW_SCOPED, llm.providers).say("My name is David");
    await storage.flowMemory.clear(FLOW, MEMORY);
    await start(storage, FLOW_SCOPED, llm.providers).say("What is my name?");
    expect(llm.calls[1]?.messages).toEqual(["user: What is my name?"]);
    expect(await threadOf(storage)).toHaveLength(4);
  });

  it("deleting a conversation keeps the shared log; deleting the flow removes it", async () => {
    const storage = await openTestStorage();
    await storage.flows.save(FLOW, FLOW_SCOPED);
    const llm = recordingLlm();
    const chat = start(storage, FLOW_SCOPED, llm.providers);
    await chat.say("U1");
    await storage.conversations.delete(chat.conversation.id);
    await start(storage, FLOW_SCOPED, llm.providers).say("U2");
    expect(llm.calls[1]?.messages).toEqual(["user: U1", "assistant: A1", "user: U2"]);
    await storage.flows.delete(FLOW);
    expect(await threadOf(storage)).toEqual([]);
    expect(await storage.flowMemory.heads(FLOW)).toEqual({});
  });

  it("a backup carries shared memory, its heads and its edits, and restores them beside the originals", async () => {
    const storage = await openTestStorage();
    await storage.flows.save(FLOW, { ...FLOW_SCOPED, name: "Profile bot" });
    const llm = recordingLlm();
    const first = await start(storage, FLOW_SCOPED, llm.providers).say("My name is David");
    const [u1] = Object.values(first.appended).flat();
    await storage.memoryEdits.write(u1 as MessageId, { content: "My name is Dave" });
    await storage.memoryEdits.write(u1 as MessageId, { pinned: true });
    const backup = new BackupRepository(storage.db, {
      theme: "theme",
      viewport: (id) => `viewport:${id}`,
    });
    // Through the file format, as a user's backup goes: written, read back, restored.
    const read = await readBackupFile(writeBackupFile(await backup.readAll(), { createdAt: 1 }));
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.backup.flowMemoryHeads).toHaveLength(1);
    expect(read.backup.memoryEdits?.map((e) => e.version)).toEqual([1, 2]);
    // Restored into the same database: every id is taken, so every one is new.
    const outcome = await backup.restore(read.backup);
    const restored = outcome.flows[0]?.id as FlowId;
    expect(restored).not.toBe(FLOW);
    const heads = await storage.flowMemory.heads(restored);
    const head = heads[MEMORY] ?? null;
    expect(head).not.toBeNull();
    expect(head).not.toBe((await storage.flowMemory.heads(FLOW))[MEMORY]);
    // The restored shared log reads with its edit and pin, under the new flow's thread.
    const log = await storage.saver.readBack(head, 10);
    expect(log.map((m) => [m.content, m.conversationId, m.pinned ?? false])).toEqual([
      ["A1", flowThreadId(restored), false],
      ["My name is Dave", flowThreadId(restored), true],
    ]);
    // A new conversation of the restored flow is sent the shared, edited memory.
    const next = new Conversation(FLOW_SCOPED, storage.saver, llm.providers);
    Object.assign(next, { flowId: restored });
    await storage.conversations.create({ id: next.id, flowId: restored, title: "t" });
    await next.say("Who am I?");
    expect(llm.calls.at(-1)?.messages).toEqual([
      "user: My name is Dave",
      "assistant: A1",
      "user: Who am I?",
    ]);
  });
});
