import { describe, expect, it } from "vitest";
import {
  Conversation,
  loadFlow,
  recordingLlm,
  withProvider,
} from "../../test/helpers/engineHarness";
import type { RunEvent } from "./events";
import type { Flow, LlmConfig } from "./flow";
import { settingsBaseUrlsOf } from "./flowProblem";
import { FlowValidationError } from "./flowValidationError";
import { InMemorySaver } from "./InMemorySaver";
import { conversationId, flowId, memoryId } from "./ids";
import { type LlmProvider, ProviderError } from "./provider";
import { runFlow, runFlowToEnd } from "./runFlow";
import { validateFlow } from "./validateFlow";

function chatFlow(config: Partial<LlmConfig>): Flow {
  const flow = withProvider(loadFlow("chat-with-memory"), "openai");
  const llm = flow.nodes.find((n) => n.type === "llm");
  if (llm?.type === "llm") Object.assign(llm.config, config);
  return flow;
}

async function collect(events: AsyncGenerator<RunEvent, unknown>) {
  const out: RunEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

describe("memory modes", () => {
  it("read-only sees the window but records nothing", async () => {
    const llm = recordingLlm();
    const saver = new InMemorySaver();
    const chat = new Conversation(chatFlow({}), saver, llm.providers);
    await chat.say("U1");
    chat.flow = chatFlow({ memoryMode: "read-only" });
    await chat.say("U2");
    await chat.say("U3");
    expect(llm.calls[2]?.messages).toEqual(["user: U1", "assistant: A1", "user: U3"]);
  });

  it("write-only records every exchange but sees no history", async () => {
    const llm = recordingLlm();
    const chat = new Conversation(
      chatFlow({ memoryMode: "write-only" }),
      new InMemorySaver(),
      llm.providers,
    );
    await chat.say("U1");
    await chat.say("U2");
    expect(llm.calls[1]?.messages).toEqual(["user: U2"]);
    chat.flow = chatFlow({ memoryMode: "read-write" });
    await chat.say("U3");
    expect(llm.calls[2]?.messages).toEqual([
      "user: U1",
      "assistant: A1",
      "user: U2",
      "assistant: A2",
      "user: U3",
    ]);
  });

  it("changing the window later never deletes stored messages", async () => {
    const llm = recordingLlm();
    const chat = new Conversation(
      chatFlow({ memoryWindowSize: 1 }),
      new InMemorySaver(),
      llm.providers,
    );
    await chat.say("U1");
    await chat.say("U2");
    chat.flow = chatFlow({ memoryWindowSize: null });
    await chat.say("U3");
    expect(llm.calls[2]?.messages).toEqual([
      "user: U1",
      "assistant: A1",
      "user: U2",
      "assistant: A2",
      "user: U3",
    ]);
  });
});

describe("persistence and branching", () => {
  it("a new conversation starts every memory empty", async () => {
    const llm = recordingLlm();
    const saver = new InMemorySaver();
    await new Conversation(chatFlow({}), saver, llm.providers).say("U1");
    await new Conversation(chatFlow({}), saver, llm.providers).say("U2");
    expect(llm.calls[1]?.messages).toEqual(["user: U2"]);
  });

  it("resending from an earlier run rewinds memory there, and the old branch stays intact", async () => {
    const llm = recordingLlm();
    const chat = new Conversation(chatFlow({}), new InMemorySaver(), llm.providers);
    const first = await chat.say("U1");
    await chat.say("U2");
    const oldHead = chat.head;
    chat.head = first.id; // edit the second message: its parent is the run before it
    await chat.say("U2 edited");
    expect(llm.calls[2]?.messages).toEqual(["user: U1", "assistant: A1", "user: U2 edited"]);
    chat.head = oldHead; // reopen the earlier branch
    await chat.say("U3");
    expect(llm.calls[3]?.messages).toEqual([
      "user: U1",
      "assistant: A1",
      "user: U2",
      "assistant: A2",
      "user: U3",
    ]);
  });

  it("clearing a memory empties it for the next run without rewriting earlier snapshots", async () => {
    const llm = recordingLlm();
    const saver = new InMemorySaver();
    const chat = new Conversation(chatFlow({}), saver, llm.providers);
    const first = await chat.say("U1");
    const cleared = await chat.say("U2", { clearMemories: [memoryId("chat_llm")] });
    expect(llm.calls[1]?.messages).toEqual(["user: U2"]);
    expect(cleared.cleared).toEqual(["chat_llm"]);
    expect((await saver.loadRun(first.id))?.memoryHeads.chat_llm).toBe(first.memoryHeads.chat_llm);
    expect(await saver.readBack(first.memoryHeads.chat_llm ?? null, 10)).toHaveLength(2);
  });

  it("refuses a parent run that does not exist or belongs to another conversation", async () => {
    const llm = recordingLlm();
    const saver = new InMemorySaver();
    const a = new Conversation(chatFlow({}), saver, llm.providers);
    const run = await a.say("U1");
    const b = new Conversation(chatFlow({}), saver, llm.providers);
    b.head = run.id;
    await expect(b.say("U2")).rejects.toThrow(/another conversation/);
    b.head = "nope" as typeof run.id;
    await expect(b.say("U2")).rejects.toThrow(/not found/);
  });
});

describe("failures and Stop", () => {
  it("a failed call appends nothing and reports the provider's message", async () => {
    const llm = recordingLlm((n) => {
      if (n === 2)
        throw new ProviderError("rate-limit", "OpenAI is rate limiting: retry in 20 s.", {
          retryAfterSeconds: 20,
        });
      return `A${n}`;
    });
    const chat = new Conversation(chatFlow({}), new InMemorySaver(), llm.providers);
    await chat.say("U1");
    const failed = await chat.say("U2");
    expect(failed.status).toBe("error");
    expect(failed.error).toEqual({
      kind: "rate-limit",
      message: "OpenAI is rate limiting: retry in 20 s.",
      retryAfterSeconds: 20,
    });
    expect(failed.appended).toEqual({});
    expect(failed.nodes.find((n) => n.nodeId === "output")?.status).toBe("skipped");
    await chat.say("U3");
    expect(llm.calls[2]?.messages).toEqual(["user: U1", "assistant: A1", "user: U3"]);
  });

  it("Stop in the middle of a stream aborts the call and leaves memory as it was", async () => {
    const controller = new AbortController();
    const llm = recordingLlm(async (n, request) => {
      if (n !== 2) return `A${n}`;
      request.onDelta("partial ");
      const stopped = new Promise<string>((_, reject) =>
        request.signal.addEventListener("abort", () =>
          reject(new ProviderError("aborted", "Stopped.")),
        ),
      );
      setTimeout(() => controller.abort(), 5);
      return stopped;
    });
    const chat = new Conversation(chatFlow({}), new InMemorySaver(), llm.providers);
    const first = await chat.say("U1");
    const stopped = await chat.say("U2", { signal: controller.signal });
    expect(stopped.status).toBe("aborted");
    expect(stopped.memoryHeads).toEqual(first.memoryHeads);
    await chat.say("U3");
    expect(llm.calls[2]?.messages).toEqual(["user: U1", "assistant: A1", "user: U3"]);
  });

  it("a reply that completes after Stop is not recorded", async () => {
    const controller = new AbortController();
    const llm = recordingLlm(() => {
      controller.abort();
      return "late reply";
    });
    const chat = new Conversation(chatFlow({}), new InMemorySaver(), llm.providers);
    const run = await chat.say("U1", { signal: controller.signal });
    expect(run.status).toBe("aborted");
    expect(run.appended).toEqual({});
  });

  it("leaving the event loop early stops the run", async () => {
    let sawAbort = false;
    const llm = recordingLlm(
      (_n, request) =>
        new Promise((resolve) => {
          request.signal.addEventListener("abort", () => {
            sawAbort = true;
            resolve("x");
          });
        }),
    );
    const events = runFlow({
      flow: chatFlow({}),
      flowId: flowId("f"),
      input: "U1",
      conversationId: conversationId("c"),
      saver: new InMemorySaver(),
      providers: llm.providers,
    });
    for await (const e of events) if (e.type === "node-started" && e.nodeId === "chat_llm") break;
    expect(sawAbort).toBe(true);
  });

  it("an invalid flow is refused before anything runs, naming the node", async () => {
    const llm = recordingLlm();
    const chat = new Conversation(chatFlow({ model: "" }), new InMemorySaver(), llm.providers);
    const error = await chat.say("U1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FlowValidationError);
    expect((error as Error).message).toContain('LLM "chat_llm" has no model');
    expect(llm.calls).toHaveLength(0);
  });
});

describe("scheduling", () => {
  const twoBranches = (memA: string | null, memB: string | null): Flow => {
    const flow = withProvider(loadFlow("shared-memory-parallel"), "openai");
    for (const n of flow.nodes) {
      if (n.type === "llm") n.config.memoryId = n.id === "llm_a" ? memA : memB;
    }
    return flow;
  };

  /** The most LLM calls that were in flight at once during one run of `flow`. */
  async function mostAtOnce(flow: Flow): Promise<number> {
    let inFlight = 0;
    let most = 0;
    const llm = recordingLlm(async (n) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 20));
      inFlight--;
      return `A${n}`;
    });
    await new Conversation(flow, new InMemorySaver(), llm.providers).say("U");
    return most;
  }

  it("runs branches with different memories at the same time", async () => {
    expect(await mostAtOnce(twoBranches("A", "B"))).toBe(2);
  });

  it("never overlaps two calls on one memory", async () => {
    expect(await mostAtOnce(twoBranches("M", "M"))).toBe(1);
  });

  it("a failed branch skips what depends on it while the other branch still runs", async () => {
    const llm = recordingLlm((_n, request) => {
      if (request.messages.at(-1)?.content === "boom")
        throw new ProviderError("server", "OpenAI had a server error (500).");
      return "fine";
    });
    const flow = twoBranches(null, null);
    const a = flow.nodes.find((n) => n.id === "llm_a");
    if (a?.type === "llm") a.config.prompt = "boom";
    const run = await new Conversation(flow, new InMemorySaver(), llm.providers).say("U");
    const status = Object.fromEntries(run.nodes.map((n) => [n.nodeId, n.status]));
    expect(status).toEqual({ input: "ok", llm_a: "error", llm_b: "ok", output: "skipped" });
    expect(run.error?.message).toBe("OpenAI had a server error (500).");
  });
});

describe("events", () => {
  it("stream in order, and each call says where every message came from and what the window dropped", async () => {
    const llm = recordingLlm();
    const saver = new InMemorySaver();
    const flow = chatFlow({ memoryWindowSize: 2, systemPrompt: "Be brief." });
    const chat = new Conversation(flow, saver, llm.providers);
    await chat.say("U1");
    await chat.say("U2");
    const events = await collect(
      runFlow({
        flow,
        flowId: chat.flowId,
        input: "U3",
        conversationId: chat.id,
        parentRunId: chat.head,
        saver,
        providers: llm.providers,
      }),
    );
    expect(events[0]?.type).toBe("run-started");
    expect(events.at(-1)?.type).toBe("run-finished");
    const llmEvents = events
      .filter((e) => "nodeId" in e && e.nodeId === "chat_llm")
      .map((e) => e.type);
    expect(llmEvents).toEqual(["node-started", "token", "node-finished"]);
    const finished = events.find((e) => e.type === "node-finished" && e.nodeId === "chat_llm");
    if (finished?.type !== "node-finished" || !finished.call) throw new Error("no call recorded");
    expect(finished.call.messages.map((m) => [m.role, m.content, m.source.kind])).toEqual([
      ["system", "Be brief.", "system"],
      ["user", "U2", "memory"],
      ["assistant", "A2", "memory"],
      ["user", "U3", "run"],
    ]);
    expect(finished.call.dropped.count).toBe(2);
    const dropped = await saver.readBack(finished.call.dropped.firstDroppedId, 10);
    expect(dropped.map((m) => m.content)).toEqual(["A1", "U1"]);
    expect(finished.call.usage).toEqual({ inputTokens: 4, outputTokens: 1 });
    const outputs = events.find((e) => e.type === "run-finished");
    expect(outputs?.type === "run-finished" && outputs.snapshot.outputs).toEqual({ output: "A3" });
  });

  it("the saved snapshot is what run-finished carried", async () => {
    const saver = new InMemorySaver();
    const snapshot = await runFlowToEnd({
      flow: chatFlow({}),
      flowId: flowId("f"),
      flowRevision: 7,
      input: "U1",
      conversationId: conversationId("c"),
      saver,
      providers: recordingLlm().providers,
    });
    expect(await saver.loadRun(snapshot.id)).toEqual(snapshot);
    expect(snapshot.flowRevision).toBe(7);
    expect(snapshot.appended.chat_llm).toHaveLength(2);
  });
});

describe("a saved key and the servers a flow points at", () => {
  const KEY = "sk-canary-runflow-0123";
  const EVIL = "http://evil.example:9999";

  function run(config: Partial<LlmConfig>, extra: Partial<Parameters<typeof runFlow>[0]> = {}) {
    const seen: { apiKey?: string; baseUrl?: string; withoutKey?: boolean }[] = [];
    const providers = async () => async (request: Parameters<LlmProvider>[0]) => {
      seen.push({
        ...(request.apiKey && { apiKey: request.apiKey }),
        ...(request.baseUrl && { baseUrl: request.baseUrl }),
        ...(request.withoutKey && { withoutKey: true }),
      });
      request.onDelta("ok");
      return { text: "ok", usage: {} };
    };
    const saver = new InMemorySaver();
    const result = runFlowToEnd({
      flow: chatFlow(config),
      flowId: flowId("f"),
      input: "secret plans",
      conversationId: conversationId("c"),
      saver,
      providers,
      credentials: { openai: { apiKey: KEY } },
      ...extra,
    });
    return { result, seen, saver };
  }

  it("refuses before any call, naming the server, when the node points the key elsewhere", async () => {
    const { result, seen } = run({ baseUrl: `${EVIL}/v1` });
    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).kind).toBe("key-not-approved");
    expect((error as ProviderError).message).toContain(EVIL);
    expect(seen).toEqual([]);
  });

  it("sends the key to the provider's own API, and to an approved origin", async () => {
    const own = run({});
    await own.result;
    expect(own.seen).toEqual([{ apiKey: KEY, baseUrl: "https://api.openai.com/v1" }]);
    const approved = run(
      { baseUrl: `${EVIL}/v1` },
      { credentials: { openai: { apiKey: KEY, approvedOrigins: [EVIL] } } },
    );
    await approved.result;
    expect(approved.seen).toEqual([{ apiKey: KEY, baseUrl: `${EVIL}/v1` }]);
  });

  it("runs once without the key where the user chose so", async () => {
    const { result, seen } = run(
      { baseUrl: `${EVIL}/v1` },
      { keyless: [{ provider: "openai", origin: EVIL }] },
    );
    await result;
    expect(seen).toEqual([{ baseUrl: `${EVIL}/v1`, withoutKey: true }]);
  });
});

describe("a base URL set in Settings", () => {
  const local = "http://127.0.0.1:11434/v1";
  const ollamaFlow = () => chatFlow({ provider: "openai-compatible", model: "llama3.2" });

  async function runWith(credentials: Parameters<typeof runFlowToEnd>[0]["credentials"]) {
    const seen: (string | undefined)[] = [];
    const providers = async () => async (request: Parameters<LlmProvider>[0]) => {
      seen.push(request.baseUrl);
      request.onDelta("ok");
      return { text: "ok", usage: {} };
    };
    const snapshot = await runFlowToEnd({
      flow: ollamaFlow(),
      flowId: flowId("f"),
      input: "U1",
      conversationId: conversationId("c"),
      saver: new InMemorySaver(),
      providers,
      ...(credentials && { credentials }),
    });
    return { snapshot, seen };
  }

  it("serves every node of that provider without a base URL of its own", async () => {
    const { snapshot, seen } = await runWith({ "openai-compatible": { baseUrl: local } });
    expect(snapshot.status).toBe("ok");
    expect(seen).toEqual([local]);
  });

  it("and without one, the node's missing base URL still stops the run, naming it", async () => {
    await expect(runWith(undefined)).rejects.toThrow(/uses an .* server but has no base URL/);
  });

  it("resolves that one problem only: validation with Settings drops exactly it", () => {
    const flow = ollamaFlow();
    const bare = validateFlow(flow).filter((p) => p.severity === "error");
    expect(bare.map((p) => p.field)).toEqual(["baseUrl"]);
    const withSettingsUrl = validateFlow(flow, {
      settingsBaseUrls: settingsBaseUrlsOf({ "openai-compatible": { baseUrl: local } }),
    });
    expect(withSettingsUrl.filter((p) => p.severity === "error")).toEqual([]);
    // Another provider's Settings base URL does not count.
    const other = validateFlow(flow, {
      settingsBaseUrls: settingsBaseUrlsOf({ openai: { baseUrl: local } }),
    });
    expect(other.filter((p) => p.severity === "error")).toHaveLength(1);
  });
});
