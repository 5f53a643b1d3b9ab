import { describe, expect, it } from "vitest";
import { loadFlow, withProvider } from "../../test/helpers/engineHarness";
import { DRAFT_CHARS } from "../engine/draftWriter";
import { conversationId, flowId, messageId, type RunId, runId } from "../engine/ids";
import type { LlmProvider, ProviderRequest } from "../engine/provider";
import { runFlow, runFlowToEnd } from "../engine/runFlow";
import { asInterrupted, type RunSnapshot } from "../engine/runSnapshot";
import { chain, lastOf, openTestStorage } from "./storageTestSupport";
import type { StudioStorage } from "./studioStorage";

/*
 * A run's life in IndexedDB (fake-indexeddb): stored "running" before its call, its streamed
 * text kept as a draft, then settled as ok, failed or stopped with its memory messages in the
 * same transaction; or left running by a page that went away, and read back as interrupted.
 */

const FLOW = withProvider(loadFlow("chat-with-memory"), "openai");
const FLOW_ID = flowId("flow-1");
const CONV = conversationId("conv-1");

async function withConversation(storage: StudioStorage) {
  await storage.conversations.create({ id: CONV, flowId: FLOW_ID, title: "Chat" });
}

const options = (storage: StudioStorage, provider: LlmProvider, extra: { runId?: RunId } = {}) => ({
  flow: FLOW,
  flowId: FLOW_ID,
  input: "Hello",
  conversationId: CONV,
  saver: storage.saver,
  providers: async () => provider,
  ...extra,
});

const memoryOf = (storage: StudioStorage) =>
  storage.db.getAllFromIndex("memoryMessages", "byConversationId", CONV);

/** Streams `text`, then waits until the run is stopped (a model still answering). */
function streamingThenHanging(text: string): LlmProvider {
  return (request: ProviderRequest) => {
    request.onDelta(text);
    return new Promise((_, reject) => {
      request.signal.addEventListener("abort", () => reject(new Error("aborted")));
    });
  };
}

async function storedRun(storage: StudioStorage, id: RunId): Promise<RunSnapshot | undefined> {
  return storage.runs.get(id);
}

describe("a run's life in storage", () => {
  it("is stored running with its new conversation before the call, then ok with its memory", async () => {
    const storage = await openTestStorage();
    const id = runId("r1");
    const seen: { status?: string; title?: string; head?: string | null; messages: number }[] = [];
    const provider: LlmProvider = async (request) => {
      const [run, conversation, messages] = await Promise.all([
        storedRun(storage, id),
        storage.conversations.get(CONV),
        memoryOf(storage),
      ]);
      seen.push({
        ...(run && { status: run.status }),
        ...(conversation && { title: conversation.title, head: conversation.headRunId }),
        messages: messages.length,
      });
      request.onDelta("Hi!");
      return { text: "Hi!", usage: { inputTokens: 1, outputTokens: 1 } };
    };
    const done = await runFlowToEnd({
      ...options(storage, provider, { runId: id }),
      newConversation: { title: "Hello" },
    });

    // During the call: the message is stored, its conversation with it, memory untouched.
    expect(seen).toEqual([{ status: "running", title: "Hello", head: id, messages: 0 }]);
    expect(done.status).toBe("ok");
    expect((await storedRun(storage, id))?.status).toBe("ok");
    expect((await memoryOf(storage)).map((m) => m.content)).toEqual(["Hello", "Hi!"]);
    expect((await storage.conversations.get(CONV))?.headRunId).toBe(id);
  });

  it("a first message that cannot start leaves no empty conversation behind", async () => {
    const storage = await openTestStorage();
    // The conversation id is taken by another flow's conversation: the start fails as a whole.
    await storage.conversations.create({ id: CONV, flowId: flowId("other"), title: "Other" });
    const run = runFlowToEnd({
      ...options(storage, streamingThenHanging("never")),
      newConversation: { title: "Hello" },
    });
    await expect(run).rejects.toThrow();
    expect(await storage.conversations.listByFlow(FLOW_ID)).toEqual([]);
    expect(await storage.runs.listByConversation(CONV)).toEqual([]);
  });

  it("keeps the streamed text as a draft; a run left running reads back interrupted with it", async () => {
    const storage = await openTestStorage();
    await withConversation(storage);
    const id = runId("r-draft");
    const text = "x".repeat(DRAFT_CHARS);
    const controller = new AbortController();
    const events = runFlow({
      ...options(storage, streamingThenHanging(text), { runId: id }),
      signal: controller.signal,
    });
    const drained = (async () => {
      for await (const _ of events);
    })();

    // The page goes away here: what a reload finds is the stored draft.
    await expect.poll(async () => (await storedRun(storage, id))?.outputs.output).toBe(text);
    const left = await storedRun(storage, id);
    expect(left?.status).toBe("running");
    expect(left && asInterrupted(left)).toMatchObject({
      status: "interrupted",
      outputs: { output: text },
    });
    expect(await memoryOf(storage)).toEqual([]);
    expect((await storage.conversations.get(CONV))?.headRunId).toBe(id);

    controller.abort();
    await drained;
  });

  it("a Stop keeps the streamed text, stored as stopped, with nothing added to memory", async () => {
    const storage = await openTestStorage();
    await withConversation(storage);
    const controller = new AbortController();
    const id = runId("r-stop");
    const run = runFlowToEnd({
      ...options(
        storage,
        (request) => {
          request.onDelta("Half a rep");
          queueMicrotask(() => controller.abort());
          return streamingThenHanging("ly")(request);
        },
        { runId: id },
      ),
      signal: controller.signal,
    });
    const done = await run;
    expect(done.status).toBe("aborted");
    const stored = await storedRun(storage, id);
    expect(stored?.status).toBe("aborted");
    expect(stored?.outputs.output).toBe("Half a reply");
    expect(await memoryOf(storage)).toEqual([]);
  });

  it("a failed call is stored failed, with nothing added to memory", async () => {
    const storage = await openTestStorage();
    await withConversation(storage);
    const id = runId("r-fail");
    const done = await runFlowToEnd(
      options(
        storage,
        async () => {
          throw new Error("The model is down");
        },
        { runId: id },
      ),
    );
    expect(done.status).toBe("error");
    expect((await storedRun(storage, id))?.status).toBe("error");
    expect(await memoryOf(storage)).toEqual([]);
  });

  it("when the final write fails midway, no memory message lands and the run says it failed", async () => {
    const storage = await openTestStorage();
    await withConversation(storage);
    const id = runId("r-half");
    // The reply's message id is taken already: the prompt's add succeeds, the reply's fails,
    // and the transaction must take the prompt back with it.
    const taken = lastOf(chain("seed", ["taken"], { conversationId: CONV }));
    await storage.saver.appendMessages([{ ...taken, id: messageId(`${id}:chat_llm:reply`) }]);
    const before = (await memoryOf(storage)).map((m) => m.id);

    const done = await runFlowToEnd(
      options(
        storage,
        async (request) => {
          request.onDelta("A1");
          return { text: "A1", usage: { inputTokens: 1, outputTokens: 1 } };
        },
        { runId: id },
      ),
    );

    expect((await memoryOf(storage)).map((m) => m.id)).toEqual(before);
    const stored = await storedRun(storage, id);
    expect(stored?.status).toBe("error");
    expect(stored?.error?.message).toMatch(/could not be saved, so memory is unchanged/);
    expect(stored?.appended).toEqual({});
    expect(stored?.memoryHeads).toEqual({});
    expect(done).toEqual(stored);
    // The conversation still moved on to it: the next message continues from unchanged memory.
    expect((await storage.conversations.get(CONV))?.headRunId).toBe(id);
  });
});
