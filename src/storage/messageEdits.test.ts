import { describe, expect, it } from "vitest";
import { Conversation, loadFlow, recordingLlm } from "../../test/helpers/engineHarness";
import type { MessageId } from "../engine/ids";
import type { RunSnapshot } from "../engine/runSnapshot";
import { openTestStorage } from "./storageTestSupport";
import type { StudioStorage } from "./studioStorage";

/*
 * Editing memory in IndexedDB (fake-indexeddb), through real runs: what the next call is
 * sent after an edit, a delete and a pin; what an earlier run still shows; branches.
 */

const WINDOW_2 = (() => {
  const flow = loadFlow("chat-with-memory");
  return {
    ...flow,
    nodes: flow.nodes.map((n) =>
      n.type === "llm" ? { ...n, config: { ...n.config, memoryWindowSize: 2 } } : n,
    ),
  };
})();

async function chat(storage: StudioStorage) {
  const llm = recordingLlm();
  const conversation = new Conversation(WINDOW_2, storage.saver, llm.providers);
  const say = (text: string) =>
    conversation.say(text, conversation.head === null ? { newConversation: { title: text } } : {});
  return { llm, conversation, say };
}

const appended = (run: RunSnapshot): MessageId[] => Object.values(run.appended).flat();
const lastCall = (llm: ReturnType<typeof recordingLlm>) => llm.calls.at(-1)?.messages;
const sentOf = (run: RunSnapshot) => run.nodes.find((n) => n.llm)?.llm?.memory;

describe("editing memory", () => {
  it("sends an edited message as edited, leaves a deleted one out, and a pin outside the window in", async () => {
    const storage = await openTestStorage();
    const { llm, say } = await chat(storage);
    const first = await say("My name is David");
    const second = await say("I live in Paris");
    const [u1] = appended(first) as [MessageId];
    const [u2, a2] = appended(second) as [MessageId, MessageId];

    await storage.memoryEdits.write(a2, { content: "Noted: Lyon." });
    await storage.memoryEdits.write(u2, { deleted: true });
    await storage.memoryEdits.write(u1, { pinned: true });
    const third = await say("Where do I live?");
    // Pinned U1 first (outside a window of 2), then the window: A1 and the edited A2.
    expect(lastCall(llm)).toEqual([
      "user: My name is David",
      "assistant: A1",
      "assistant: Noted: Lyon.",
      "user: Where do I live?",
    ]);
    const record = sentOf(third);
    expect(record?.pinnedIds).toEqual([u1]);
    expect(record?.versions).toEqual({ [u1]: 1, [a2]: 1 });

    // The earlier run still shows the text it was sent; this one the edited text.
    const secondCall = sentOf(second);
    const asSent = await storage.memoryEdits.resolveVersions(
      await storage.messages.resolve(secondCall?.appendedIds ?? []),
      secondCall?.versions ?? {},
    );
    expect(asSent.map((m) => m.content)).toEqual(["I live in Paris", "A2"]);
    const nowSent = await storage.memoryEdits.resolveVersions(
      await storage.messages.resolve(record?.keptIds ?? []),
      record?.versions ?? {},
    );
    expect(nowSent.map((m) => m.content)).toEqual(["A1", "Noted: Lyon."]);
  });

  it("each write is a new version; undo writes the old state back as another", async () => {
    const storage = await openTestStorage();
    const { say } = await chat(storage);
    const [u1] = appended(await say("Hello")) as [MessageId];
    const edit = await storage.memoryEdits.write(u1, { content: "Hi" });
    expect(edit.before.content).toBe("Hello");
    expect(edit.after).toMatchObject({ content: "Hi", version: 1, edited: true });
    const undo = await storage.memoryEdits.write(u1, { content: edit.before.content });
    expect(undo.after).toMatchObject({ content: "Hello", version: 2 });
    // Back to the text as appended: a version, but no longer an edit of the text (the Memory
    // tab's "edited" flag); nor is a pin alone.
    expect(undo.after.edited).toBeUndefined();
    const pin = await storage.memoryEdits.write(u1, { pinned: true });
    expect(pin.after).toMatchObject({ content: "Hello", version: 3, pinned: true });
    expect(pin.after.edited).toBeUndefined();
    // The stored message itself was never rewritten.
    expect((await storage.messages.resolve([u1]))[0]?.content).toBe("Hello");
    await expect(storage.memoryEdits.write("nope" as MessageId, { pinned: true })).rejects.toThrow(
      /no longer stored/,
    );
  });

  it("an edit applies to every branch sharing the message; a pin only where the message is", async () => {
    const storage = await openTestStorage();
    const { llm, conversation, say } = await chat(storage);
    const first = await say("U1");
    const second = await say("U2");
    const [u1] = appended(first) as [MessageId];
    const [u2] = appended(second) as [MessageId];
    await storage.memoryEdits.write(u1, { content: "U1 edited" });
    await storage.memoryEdits.write(u2, { pinned: true });
    // A branch from the first run: it shares U1 (edited there too) but not U2 (no pin).
    conversation.head = first.id;
    await conversation.say("branch");
    expect(lastCall(llm)).toEqual(["user: U1 edited", "assistant: A1", "user: branch"]);
  });

  it("deleting a conversation deletes its messages' versions", async () => {
    const storage = await openTestStorage();
    const { conversation, say } = await chat(storage);
    const [u1] = appended(await say("U1")) as [MessageId];
    await storage.memoryEdits.write(u1, { content: "x" });
    await storage.conversations.delete(conversation.id);
    const keys = await storage.db.getAllKeys("settings");
    expect(keys.filter((k) => String(k).startsWith("memoryEdit:"))).toEqual([]);
  });
});
