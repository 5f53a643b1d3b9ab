import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Conversation } from "../../test/helpers/engineHarness";
import { sentMessages } from "./callAssembly";
import type { Flow, LlmConfig, MemoryMode } from "./flow";
import { MEMORY_MODES } from "./flow";
import { InMemorySaver } from "./InMemorySaver";
import { nodeId } from "./ids";
import { withMemoryScope } from "./memoryScope";
import { SUMMARY_PREFIX } from "./memorySummary";
import type { LlmProvider, ProviderRequest, ProviderResolver } from "./provider";
import {
  headAtCall,
  prepareReplay,
  type ReplaySettings,
  recordedSettings,
  sendReplay,
} from "./replayCall";
import type { LlmCallRecord, RunSnapshot } from "./runSnapshot";
import { DEFAULT_SUMMARY_PROMPT } from "./summaryUpdate";

/** input -> chat_llm -> output, chat_llm on memory M with the given settings. */
function chatFlow(config: Partial<LlmConfig>): Flow {
  return {
    schema: "llm-flow-studio/flow",
    version: 3,
    name: "chat",
    nodes: [
      { id: nodeId("input"), type: "input", position: { x: 0, y: 0 } },
      {
        id: nodeId("chat_llm"),
        type: "llm",
        position: { x: 0, y: 0 },
        config: { provider: "echo", model: "echo", prompt: "{{input}}", memoryId: "M", ...config },
      },
      { id: nodeId("output"), type: "output", position: { x: 0, y: 0 }, config: {} },
    ],
    edges: [
      { source: nodeId("input"), target: nodeId("chat_llm") },
      { source: nodeId("chat_llm"), target: nodeId("output") },
    ],
  };
}

/** Replies R1, R2, … and keeps what each call received, system prompt included. */
function capturing() {
  const received: string[][] = [];
  const requests: ProviderRequest[] = [];
  const provider: LlmProvider = async (request) => {
    requests.push(request);
    received.push(request.messages.map((m) => m.content));
    const text = `R${received.length}`;
    request.onDelta(text);
    return { text, usage: { inputTokens: 1, outputTokens: 1 } };
  };
  const providers: ProviderResolver = async () => provider;
  return { received, requests, providers };
}

const callOf = (run: RunSnapshot | undefined): LlmCallRecord => {
  const llm = run?.nodes.find((n) => n.nodeId === "chat_llm")?.llm;
  if (!llm) throw new Error("no call");
  return llm;
};

/** Everything a saver holds, to compare before and after a replay. */
const stored = (saver: InMemorySaver) =>
  structuredClone({
    runs: [...saver.runs],
    messages: [...saver.messages],
    conversations: [...saver.conversations],
    flowHeads: [...saver.flowHeads],
  });

async function replay(chat: Conversation, llm: LlmCallRecord, settings: ReplaySettings) {
  const { received, providers } = capturing();
  const prepared = await prepareReplay(chat.saver, llm, settings);
  const result = await sendReplay({
    llm,
    settings,
    prepared,
    providers,
    signal: new AbortController().signal,
    onDelta: () => {},
  });
  return { prepared, result, sent: received[0] };
}

describe("replaying a recorded call", () => {
  it("with its own settings sends exactly what it sent, however the memory grew since", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        fc.nat({ max: 3 }),
        fc.option(fc.nat({ max: 8 }), { nil: null }),
        fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
        fc.constantFrom<MemoryMode>(...MEMORY_MODES),
        fc.constantFrom(undefined, "  ", "Be brief."),
        async (before, after, windowSize, windowTokens, mode, systemPrompt) => {
          const { received, providers } = capturing();
          const config: Partial<LlmConfig> = { memoryWindowSize: windowSize, memoryMode: mode };
          if (windowTokens !== undefined) config.memoryWindowTokens = windowTokens;
          if (systemPrompt !== undefined) config.systemPrompt = systemPrompt;
          const chat = new Conversation(chatFlow(config), new InMemorySaver(), providers);
          for (let t = 1; t <= before; t++) await chat.say(`U${t}`);
          // Later turns on a read-write memory: the replay must not see them.
          chat.flow = chatFlow({});
          for (let t = 1; t <= after; t++) await chat.say(`later ${t}`);

          const llm = callOf(chat.runs[before - 1]);
          const { sent, result } = await replay(chat, llm, recordedSettings(llm));
          expect(sent).toEqual(received[before - 1]);
          expect(result.reply).toBe("R1");
        },
      ),
      { numRuns: 60 },
    );
  });

  it("with another window sends the last W messages of the memory as it was at that call", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.nat({ max: 3 }),
        fc.option(fc.nat({ max: 14 }), { nil: null }),
        fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
        fc.constantFrom<MemoryMode>(...MEMORY_MODES),
        async (call, after, windowSize, windowTokens, mode) => {
          const { providers } = capturing();
          const chat = new Conversation(
            chatFlow({ memoryWindowSize: 1 }),
            new InMemorySaver(),
            providers,
          );
          for (let t = 1; t <= call + after; t++) await chat.say(`U${t}`);
          const saverBefore = stored(chat.saver as InMemorySaver);

          const llm = callOf(chat.runs[call - 1]);
          const settings = { ...recordedSettings(llm), windowSize, windowTokens, mode };
          const { sent, prepared } = await replay(chat, llm, settings);

          // docs/memory.md: the last W messages before the prompt, of those the newest that fit
          // the budget (each message here is 2 characters: 1 token estimated, + 4 overhead).
          const history = Array.from({ length: call - 1 }, (_, i) => [
            `U${i + 1}`,
            `R${i + 1}`,
          ]).flat();
          const limit = mode === "write-only" ? 0 : (windowSize ?? history.length);
          const windowed = history.slice(history.length - Math.min(limit, history.length));
          const fitting =
            windowTokens === null || mode === "write-only"
              ? windowed.length
              : Math.floor(windowTokens / 5);
          const kept = windowed.slice(windowed.length - Math.min(fitting, windowed.length));
          expect(sent).toEqual([...kept, `U${call}`]);
          expect(prepared.call.dropped.count).toBe(history.length - kept.length);
          expect(sentMessages(prepared.call).map((m) => m.content)).toEqual(sent);
          // Nothing was written: no run, no message, no head.
          expect(stored(chat.saver as InMemorySaver)).toEqual(saverBefore);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("finds the memory's head at the call whatever the window kept", async () => {
    const { providers } = capturing();
    const chat = new Conversation(
      chatFlow({ memoryWindowSize: 0 }),
      new InMemorySaver(),
      providers,
    );
    await chat.say("U1");
    await chat.say("U2");
    const [first, second] = chat.runs.map(callOf);
    expect(headAtCall(first as LlmCallRecord)).toBe(null);
    // A window of 0 kept nothing; the newest message it left out is the head.
    expect(headAtCall(second as LlmCallRecord)).toBe(chat.runs[0]?.appended.M?.[1]);
    const { sent } = await replay(chat, second as LlmCallRecord, {
      ...recordedSettings(second as LlmCallRecord),
      windowSize: null,
      systemPrompt: "Be brief.",
    });
    expect(sent).toEqual(["Be brief.", "U1", "R1", "U2"]);
  });

  it("reads a flow-scoped memory as it was at the call, not as other conversations left it", async () => {
    const { providers } = capturing();
    const saver = new InMemorySaver();
    const flow = withMemoryScope(chatFlow({}), "M", "flow");
    const first = new Conversation(flow, saver, providers);
    await first.say("U1");
    await first.say("U2");
    const second = new Conversation(flow, saver, providers);
    await second.say("other");
    const llm = callOf(first.runs[1]);
    expect(llm.memory?.scope).toBe("flow");
    const { sent } = await replay(first, llm, { ...recordedSettings(llm), windowSize: 1 });
    expect(sent).toEqual(["R1", "U2"]);
  });

  it("sends a saved key only where a run would, naming the server otherwise", async () => {
    const chat = new Conversation(chatFlow({}), new InMemorySaver(), capturing().providers);
    await chat.say("U1");
    const llm = callOf(chat.runs[0]);
    const { requests, providers } = capturing();
    const settings: ReplaySettings = {
      ...recordedSettings(llm),
      provider: "openai-compatible",
      model: "m",
      baseUrl: "https://elsewhere.example/v1",
    };
    const credentials = {
      "openai-compatible": { apiKey: "sk-secret", baseUrl: "https://mine.example/v1" },
    };
    const prepared = await prepareReplay(chat.saver, llm, settings);
    const base = { llm, prepared, providers, credentials, onDelta: () => {} };
    const refused = await sendReplay({ ...base, settings, signal: new AbortController().signal });
    expect(refused.error?.kind).toBe("key-not-approved");
    expect(refused.error?.message).toContain("https://elsewhere.example");
    expect(refused.error?.message).not.toContain("sk-secret");
    expect(requests).toHaveLength(0);

    const own = { ...settings, baseUrl: "" };
    const sentOwn = await sendReplay({
      ...base,
      settings: own,
      signal: new AbortController().signal,
    });
    expect(sentOwn.reply).toBe("R1");
    expect(requests[0]).toMatchObject({ baseUrl: "https://mine.example/v1", apiKey: "sk-secret" });

    const keyless = await sendReplay({
      ...base,
      settings,
      keyless: [{ provider: "openai-compatible", origin: "https://elsewhere.example" }],
      signal: new AbortController().signal,
    });
    expect(keyless.reply).toBe("R2");
    expect(requests[1]?.apiKey).toBeUndefined();
    expect(requests[1]?.withoutKey).toBe(true);
  });

  describe("with another summary setting", () => {
    const anotherSummarizer = (prompt?: string): ReplaySettings["summary"] => ({
      kind: "summarizer",
      summarizer: { provider: "echo", model: "sum", ...(prompt !== undefined && { prompt }) },
    });

    it("off sends no summary message, as recorded sends the call's own", async () => {
      const chat = new Conversation(
        chatFlow({ memoryWindowSize: 1, memorySummary: {} }),
        new InMemorySaver(),
        capturing().providers,
      );
      await chat.say("U1");
      await chat.say("U2");
      const llm = callOf(chat.runs[1]);
      expect(llm.summary?.updated).toBe(true);
      const recorded = await replay(chat, llm, recordedSettings(llm));
      expect(recorded.sent?.[0]).toMatch(new RegExp(`^${SUMMARY_PREFIX}`));
      const off = await replay(chat, llm, { ...recordedSettings(llm), summary: { kind: "off" } });
      expect(off.sent).toEqual(recorded.sent?.slice(1));
      expect(off.prepared.call.messages.some((m) => m.source.kind === "summary")).toBe(false);
    });

    it("another summarizer is sent exactly what the replay's window drops, and its reply is the summary", async () => {
      const chat = new Conversation(
        chatFlow({ memoryWindowSize: 1 }),
        new InMemorySaver(),
        capturing().providers,
      );
      for (const text of ["U1", "U2", "U3", "later"]) await chat.say(text);
      const saver = chat.saver as InMemorySaver;
      // U1 deleted since: neither sent nor folded (as in a run).
      const u1 = [...saver.messages.values()].find((m) => m.content === "U1");
      if (!u1) throw new Error("no U1");
      u1.deleted = true;
      const before = stored(saver);
      const summariesBefore = saver.summaries.size;

      const llm = callOf(chat.runs[2]);
      const settings: ReplaySettings = {
        ...recordedSettings(llm),
        windowSize: 1,
        summary: anotherSummarizer("Sum up."),
      };
      const { requests, received, providers } = capturing();
      const prepared = await prepareReplay(saver, llm, settings);
      let preparedAgain = 0;
      const result = await sendReplay({
        llm,
        settings,
        prepared,
        providers,
        signal: new AbortController().signal,
        onDelta: () => {},
        onPrepared: () => {
          preparedAgain++;
        },
      });

      // The replay's window (1) keeps R2 and drops R1, U2 (U1 is deleted): the summarizer gets
      // R1 and U2, from no previous summary, with the given prompt.
      expect(requests[0]?.model).toBe("sum");
      expect(received[0]).toEqual([
        "Sum up.",
        "Summary so far:\n(none yet)\n\nNew messages:\nAssistant: R1\n\nUser: U2",
      ]);
      expect(received[1]).toEqual([`${SUMMARY_PREFIX}R1`, "R2", "U3"]);
      expect(result.reply).toBe("R2");
      expect(result.prepared?.summaryCall).toMatchObject({ reply: "R1", foldedCount: 2 });
      expect(sentMessages(result.prepared?.call ?? prepared.call).map((m) => m.content)).toEqual(
        received[1],
      );
      expect(preparedAgain).toBe(1);
      // Nothing stored: no summary, no message, no run.
      expect(saver.summaries.size).toBe(summariesBefore);
      expect(stored(saver)).toEqual(before);
    });

    it("another summarizer without a prompt gets the default one; nothing dropped, no call", async () => {
      const chat = new Conversation(
        chatFlow({ memoryWindowSize: null }),
        new InMemorySaver(),
        capturing().providers,
      );
      await chat.say("U1");
      await chat.say("U2");
      const llm = callOf(chat.runs[1]);
      const all = await replay(chat, llm, {
        ...recordedSettings(llm),
        summary: anotherSummarizer(),
      });
      expect(all.prepared.summaryCall).toBeUndefined();
      expect(all.sent).toEqual(["U1", "R1", "U2"]);
      const windowed = await prepareReplay(chat.saver, llm, {
        ...recordedSettings(llm),
        windowSize: 0,
        summary: anotherSummarizer(),
      });
      expect(windowed.summaryCall?.request?.[0]?.content).toBe(DEFAULT_SUMMARY_PROMPT);
    });

    it("a failing summarizer call is a clear error and sends nothing else", async () => {
      const chat = new Conversation(
        chatFlow({ memoryWindowSize: 1 }),
        new InMemorySaver(),
        capturing().providers,
      );
      await chat.say("U1");
      await chat.say("U2");
      const llm = callOf(chat.runs[1]);
      const settings: ReplaySettings = { ...recordedSettings(llm), summary: anotherSummarizer() };
      const models: string[] = [];
      const failing: LlmProvider = async (request) => {
        models.push(request.model);
        throw new Error("the server is down");
      };
      const prepared = await prepareReplay(chat.saver, llm, settings);
      const result = await sendReplay({
        llm,
        settings,
        prepared,
        providers: async () => failing,
        signal: new AbortController().signal,
        onDelta: () => {},
      });
      expect(models).toEqual(["sum"]);
      expect(result.reply).toBeUndefined();
      expect(result.error?.message).toBe(
        "The replay's summary could not be written by sum (echo), so the replay's call was not sent: the server is down",
      );
      // What the summarizer was sent is still there to show.
      expect(result.prepared?.summaryCall?.request).toHaveLength(2);
    });

    it("a summarizer with a key for another address is refused before anything is sent", async () => {
      const chat = new Conversation(
        chatFlow({ memoryWindowSize: 1 }),
        new InMemorySaver(),
        capturing().providers,
      );
      await chat.say("U1");
      await chat.say("U2");
      const llm = callOf(chat.runs[1]);
      const settings: ReplaySettings = {
        ...recordedSettings(llm),
        summary: {
          kind: "summarizer",
          summarizer: {
            provider: "openai-compatible",
            model: "m",
            baseUrl: "https://elsewhere.example/v1",
          },
        },
      };
      const { requests, providers } = capturing();
      const prepared = await prepareReplay(chat.saver, llm, settings);
      const result = await sendReplay({
        llm,
        settings,
        prepared,
        providers,
        credentials: {
          "openai-compatible": { apiKey: "sk-secret", baseUrl: "https://mine.example/v1" },
        },
        signal: new AbortController().signal,
        onDelta: () => {},
      });
      expect(result.error?.kind).toBe("key-not-approved");
      expect(result.error?.destinations).toEqual([
        { provider: "openai-compatible", origin: "https://elsewhere.example" },
      ]);
      expect(requests).toHaveLength(0);
    });
  });
});
