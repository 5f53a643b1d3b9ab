import { afterEach, describe, expect, it } from "vitest";
import { memoryId, nodeId } from "../engine/ids";
import { FLOW_CONFLICT_TURN } from "./conversationLock";
import { defined, openTestStudio, type TestStudio } from "./storeTestSupport";

let studio: TestStudio;
afterEach(async () => {
  await studio.state().dispose();
  studio.storage.close();
});

/** The reply the chat shows for a turn (the starter flow has one output). */
const reply = (i: number) => studio.state().turns[i]?.outputs.output;

describe("sending a message", () => {
  it("creates one conversation titled from the message, streams the reply and moves the head", async () => {
    studio = await openTestStudio();
    const { state } = studio;
    expect(state().conversationId).toBeNull();
    await state().send("Hello there");

    const [conversation, ...others] = state().conversations;
    expect(others).toEqual([]);
    expect(conversation?.title).toBe("Hello there");
    expect(state().conversationId).toBe(conversation?.id);
    expect(state().turns).toHaveLength(1);
    expect(state().turns[0]).toMatchObject({ input: "Hello there", status: "ok" });
    expect(reply(0)).toContain("none from memory");
    expect(state().headRunId).toBe(state().runs[0]?.id);
    expect(state().running).toBeNull();
    // Stored: the conversation's head is the run, and only one conversation exists.
    const stored = await studio.storage.conversations.listByFlow(
      defined(studio.editor.getState().flowId),
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]?.headRunId).toBe(state().headRunId);
  });

  it("continues the conversation: the second run's memory holds the first exchange", async () => {
    studio = await openTestStudio();
    await studio.state().send("One");
    await studio.state().send("Two");
    const { runs, turns, conversations } = studio.state();
    expect(conversations).toHaveLength(1);
    expect(turns.map((t) => t.input)).toEqual(["One", "Two"]);
    expect(runs[1]?.parentRunId).toBe(runs[0]?.id);
    expect(reply(1)).toContain('2 from memory "chat_llm"');
  });

  it("sends nothing for a blank message", async () => {
    studio = await openTestStudio();
    await studio.state().send("   ");
    expect(studio.state().turns).toEqual([]);
    expect(studio.state().conversations).toEqual([]);
  });

  it("stops the run in progress: the turn says it was stopped", async () => {
    studio = await openTestStudio();
    const sent = studio.state().send("Stop me");
    expect(studio.state().running).not.toBeNull();
    studio.state().stop();
    await sent;
    expect(studio.state().turns[0]?.status).toBe("aborted");
    expect(studio.state().running).toBeNull();
  });

  it("says why when the flow cannot run", async () => {
    studio = await openTestStudio();
    studio.editor.getState().updateConfig(nodeId("chat_llm"), { model: "" });
    await studio.state().send("Hi");
    expect(studio.state().turns[0]).toMatchObject({
      status: "error",
      error: { kind: "validation" },
    });
  });

  it("sends without saving the flow: a message never moves the flow's revision", async () => {
    studio = await openTestStudio();
    const id = defined(studio.editor.getState().flowId);
    const before = defined(await studio.storage.flows.get(id));
    await studio.state().send("Hi");
    await studio.state().send("Again");
    expect(studio.state().turns.map((t) => t.status)).toEqual(["ok", "ok"]);
    expect((await studio.storage.flows.get(id))?.revision).toBe(before.revision);
    const runs = await studio.storage.runs.listByConversation(
      defined(studio.state().conversationId),
    );
    expect(runs.map((r) => r.flowRevision)).toEqual([before.revision, before.revision]);
  });

  it("runs over an unedited flow another tab saved meanwhile", async () => {
    studio = await openTestStudio();
    const { flowId, flow } = studio.editor.getState();
    await studio.storage.flows.save(defined(flowId), { ...defined(flow), name: "Other tab" });
    await studio.state().send("Hi");
    expect(studio.state().turns[0]?.status).toBe("ok");
    expect(studio.state().flowConflict).toBeNull();
  });

  it("refuses to run this tab's edits over a flow another tab saved meanwhile, and asks which to keep", async () => {
    studio = await openTestStudio();
    const { flowId, flow } = studio.editor.getState();
    await studio.storage.flows.save(defined(flowId), { ...defined(flow), name: "Other tab" });
    studio.editor.getState().setName("This tab");
    await studio.state().send("Hi");
    expect(studio.state().turns[0]?.error?.message).toBe(FLOW_CONFLICT_TURN);
    expect(studio.state().flowConflict).toEqual({ flowId, name: "This tab" });
    // Nothing ran: no conversation was started for it.
    expect(studio.state().conversationId).toBeNull();
    expect(await studio.storage.conversations.listByFlow(defined(flowId))).toEqual([]);
  });
});

describe("branches", () => {
  it("edits a message into a new branch, regenerates, and switches between alternatives", async () => {
    studio = await openTestStudio();
    const { state } = studio;
    await state().send("One");
    await state().send("Two");
    await state().editMessage(1, "Two, edited");
    expect(state().turns.map((t) => t.input)).toEqual(["One", "Two, edited"]);
    expect(state().turns[1]?.branch).toMatchObject({ index: 1, count: 2 });

    await state().regenerate(1);
    expect(state().turns[1]?.branch).toMatchObject({ index: 2, count: 3 });
    expect(state().runs).toHaveLength(4);

    const original = state().turns[1]?.branch?.siblings[0];
    await state().switchBranch(1, defined(original));
    expect(state().turns.map((t) => t.input)).toEqual(["One", "Two"]);
    expect(state().headRunId).toBe(original);
    const stored = await studio.storage.conversations.get(defined(studio.state().conversationId));
    expect(stored?.headRunId).toBe(original);
  });
});

describe("conversations", () => {
  it("starts a new one, reopens an old one, renames and deletes them", async () => {
    studio = await openTestStudio();
    const { state } = studio;
    await state().send("First chat");
    const first = defined(studio.state().conversationId);
    state().newConversation();
    expect(state()).toMatchObject({ conversationId: null, turns: [], headRunId: null });
    await state().send("Second chat");
    expect(state().conversations.map((c) => c.title)).toEqual(["Second chat", "First chat"]);

    await state().openConversation(first);
    expect(state().turns.map((t) => t.input)).toEqual(["First chat"]);

    await state().renameConversation(first, "  Renamed  ");
    await state().renameConversation(first, "   ");
    expect(state().conversations.find((c) => c.id === first)?.title).toBe("Renamed");

    await state().deleteConversation(first);
    expect(state().conversations.map((c) => c.title)).toEqual(["Second chat"]);
    expect(state()).toMatchObject({ conversationId: null, turns: [] });
    expect(await studio.storage.conversations.get(first)).toBeUndefined();
  });

  it("reopens the flow's latest conversation after a reload", async () => {
    studio = await openTestStudio();
    await studio.state().send("Remember me");
    await studio.state().dispose();
    const reloaded = await openTestStudio({ storage: studio.storage });
    expect(reloaded.state().turns.map((t) => t.input)).toEqual(["Remember me"]);
    expect(reloaded.state().headRunId).toBe(studio.state().headRunId);
    await reloaded.state().dispose();
  });
});

describe("clearing a memory", () => {
  it("starts the memory empty in the next run only, and records the clear in it", async () => {
    studio = await openTestStudio();
    const { state } = studio;
    await state().send("One");
    state().clearMemory("chat_llm");
    state().clearMemory("chat_llm");
    expect(state().pendingClears).toEqual(["chat_llm"]);
    await state().send("Two");
    expect(reply(1)).toContain("none from memory");
    expect(state().runs[1]?.cleared).toEqual([memoryId("chat_llm")]);
    expect(state().pendingClears).toEqual([]);
    await state().send("Three");
    expect(reply(2)).toContain('2 from memory "chat_llm"');
  });

  it("takes back a clear before the next message: memory keeps every message it had", async () => {
    studio = await openTestStudio();
    const { state } = studio;
    await state().send("One");
    state().clearMemory("chat_llm");
    state().undoClearMemory("chat_llm");
    expect(state().pendingClears).toEqual([]);
    await state().send("Two");
    expect(reply(1)).toContain('2 from memory "chat_llm"');
    expect(state().runs[1]?.cleared).toEqual([]);
  });
});

describe("the run inspector", () => {
  it("inspects a run and compares it; closing the inspector ends the comparison", async () => {
    studio = await openTestStudio();
    const { state } = studio;
    await state().send("One");
    await state().send("Two");
    const [a, b] = state().runs.map((r) => r.id);
    state().inspectRun(defined(a));
    state().compareRun(defined(b));
    expect(state()).toMatchObject({ inspectedRunId: a, comparedRunId: b });
    state().inspectRun(null);
    expect(state()).toMatchObject({ inspectedRunId: null, comparedRunId: null });
  });
});
