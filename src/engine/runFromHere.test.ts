import { describe, expect, it } from "vitest";
import {
  Conversation,
  loadFlow,
  recordingLlm,
  withProvider,
} from "../../test/helpers/engineHarness";
import { InMemorySaver } from "./InMemorySaver";
import { nodeId } from "./ids";
import { ProviderError } from "./provider";
import { runFlowToEnd } from "./runFlow";
import { memoryHeadSeen, type RunFromHere, valuesReadBy } from "./runFromHere";

const LLM = nodeId("chat_llm");

async function twoTurns() {
  const llm = recordingLlm();
  const saver = new InMemorySaver();
  const chat = new Conversation(
    withProvider(loadFlow("chat-with-memory"), "openai"),
    saver,
    llm.providers,
  );
  await chat.say("U1");
  const last = await chat.say("U2");
  return { llm, saver, chat, last };
}

function runAlone(chat: Conversation, only: RunFromHere, input = "") {
  return runFlowToEnd({
    flow: chat.flow,
    flowId: chat.flowId,
    input,
    conversationId: chat.id,
    parentRunId: chat.head,
    saver: chat.saver,
    providers: chat.providers,
    only,
  });
}

describe("run from here", () => {
  it("runs only the node, from the given values, reading memory as the last run's call did, writing nothing", async () => {
    const { llm, saver, chat, last } = await twoTurns();
    const messagesBefore = saver.messages.size;
    const run = await runAlone(chat, {
      nodeId: LLM,
      values: { input: "typed" },
      source: "typed",
      writesMemory: false,
      memoryHead: memoryHeadSeen(last, LLM),
    });
    // The second turn's call saw [U1, A1]; the run alone sees the same, with its own prompt.
    expect(llm.calls[2]?.messages).toEqual(["user: U1", "assistant: A1", "user: typed"]);
    expect(llm.calls).toHaveLength(3);
    expect(run.nodes.map((n) => n.nodeId)).toEqual([LLM]);
    expect(run.nodes[0]?.output).toBe("A3");
    expect(run.runFromHere).toEqual({ nodeId: LLM, source: "typed", writesMemory: false });
    expect(run.appended).toEqual({});
    expect(run.memoryHeads).toEqual(last.memoryHeads);
    expect(saver.messages.size).toBe(messagesBefore);
    // The conversation's head stays on the last turn: the next message continues from it.
    expect(saver.conversations.get(chat.id)?.headRunId).toBe(last.id);
    expect(saver.runs.get(run.id)?.status).toBe("ok");
  });

  it("with write to memory, commits like a turn: reads memory as it is now, appends, moves the head", async () => {
    const { llm, saver, chat, last } = await twoTurns();
    const run = await runAlone(
      chat,
      { nodeId: LLM, values: { input: "again" }, source: "last-run", writesMemory: true },
      "again",
    );
    expect(llm.calls[2]?.messages).toEqual([
      "user: U1",
      "assistant: A1",
      "user: U2",
      "assistant: A2",
      "user: again",
    ]);
    expect(run.appended[LLM]).toHaveLength(2);
    // The output showing the node's reply shows it: the chat's turn for this run does.
    expect(run.outputs.output).toBe("A3");
    expect(saver.conversations.get(chat.id)?.headRunId).toBe(run.id);
    expect(run.memoryHeads[LLM]).not.toBe(last.memoryHeads[LLM]);
    chat.head = run.id;
    await chat.say("U4");
    expect(llm.calls[3]?.messages.slice(-3)).toEqual(["user: again", "assistant: A3", "user: U4"]);
  });

  it("a problem in another node does not stop the node run alone", async () => {
    const { llm, chat } = await twoTurns();
    chat.flow = {
      ...chat.flow,
      nodes: chat.flow.nodes.map((n) =>
        n.type === "output" ? { ...n, config: { value: "{{missing}}" } } : n,
      ),
    };
    await expect(chat.say("U3")).rejects.toThrow(/missing/);
    const run = await runAlone(chat, {
      nodeId: LLM,
      values: { input: "x" },
      source: "typed",
      writesMemory: false,
    });
    expect(run.status).toBe("ok");
    expect(llm.calls).toHaveLength(3);
  });

  it("refuses before any call when the node would send a saved key to a server not approved for it", async () => {
    const { llm, chat } = await twoTurns();
    const evil = "http://evil.example:9999";
    chat.flow = {
      ...chat.flow,
      nodes: chat.flow.nodes.map((n) =>
        n.type === "llm" ? { ...n, config: { ...n.config, baseUrl: `${evil}/v1` } } : n,
      ),
    };
    const refused = await runFlowToEnd({
      flow: chat.flow,
      flowId: chat.flowId,
      input: "",
      conversationId: chat.id,
      parentRunId: chat.head,
      saver: chat.saver,
      providers: chat.providers,
      credentials: { openai: { apiKey: "sk-canary-alone-0123" } },
      only: { nodeId: LLM, values: { input: "x" }, source: "typed", writesMemory: false },
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProviderError);
    expect((refused as ProviderError).kind).toBe("key-not-approved");
    expect((refused as ProviderError).message).toContain(evil);
    expect(llm.calls).toHaveLength(2);
  });

  it("names the values a node reads", () => {
    const flow = loadFlow("chat-with-memory");
    const byId = (id: string) => flow.nodes.find((n) => n.id === id);
    expect(valuesReadBy(flow, byId("chat_llm") as never)).toEqual(["input"]);
    expect(valuesReadBy(flow, byId("output") as never)).toEqual(["chat_llm"]);
    expect(valuesReadBy(flow, byId("input") as never)).toEqual(["input"]);
  });
});
