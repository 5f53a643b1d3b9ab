import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadFlow, withProvider } from "../../test/helpers/engineHarness";
import type { Flow, LlmConfig } from "./flow";
import { InMemorySaver } from "./InMemorySaver";
import {
  conversationId,
  flowId,
  type MemoryId,
  type MessageId,
  memoryId,
  messageId,
  nodeId,
  type RunId,
  runId,
} from "./ids";
import { SUMMARY_PREFIX, type SummaryCallRecord, summarySettings } from "./memorySummary";
import type { MemoryMessage } from "./messages";
import { type LlmProvider, ProviderError, type ProviderRequest } from "./provider";
import { runFlowToEnd } from "./runFlow";
import type { RunSnapshot } from "./runSnapshot";
import { planSummary } from "./summaryUpdate";

/*
 * docs/memory.md, "Summary memory". The stand-in summarizer folds by appending: its summary is
 * the previous one plus the new messages' transcript. So the summary a call receives must be
 * exactly the transcript of its own log up to the newest dropped message: one message of
 * another branch, or one folded twice or never, shows in the text.
 */

const MEMORY = memoryId("chat_llm");
const SUMMARIZER = "summarizer-model";

function flowWith(config: Partial<LlmConfig>): Flow {
  const flow = withProvider(loadFlow("chat-with-memory"), "openai");
  const llm = flow.nodes.find((n) => n.type === "llm");
  if (llm?.type === "llm") Object.assign(llm.config, config);
  return flow;
}

const line = (m: Pick<MemoryMessage, "role" | "content">) =>
  `${m.role === "user" ? "User" : "Assistant"}: ${m.content}`;

/** Parses the summarizer's request into the previous summary and the new transcript. */
function summarizerInput(request: Pick<ProviderRequest, "messages">) {
  const text = request.messages[1]?.content ?? "";
  const [before = "", transcript = ""] = text
    .replace(/^Summary so far:\n/, "")
    .split("\n\nNew messages:\n");
  return { before: before === "(none yet)" ? "" : before, transcript };
}

interface Calls {
  node: string[][];
  summarizer: { before: string; transcript: string }[];
}

/** The node replies `re:<prompt>`; the summarizer appends the new transcript to the summary. */
function models(fail?: () => boolean) {
  const calls: Calls = { node: [], summarizer: [] };
  const provider: LlmProvider = async (request) => {
    if (request.model === SUMMARIZER) {
      if (fail?.()) throw new ProviderError("auth", "The key was refused (401).");
      const input = summarizerInput(request);
      calls.summarizer.push(input);
      const text = input.before ? `${input.before}\n\n${input.transcript}` : input.transcript;
      return { text, usage: { inputTokens: 7, outputTokens: 3 } };
    }
    calls.node.push(request.messages.map((m) => `${m.role}: ${m.content}`));
    const prompt = request.messages.at(-1)?.content ?? "";
    return { text: `re:${prompt}`, usage: {} };
  };
  return { calls, providers: async () => provider };
}

const CONVERSATION = conversationId("c1");

async function say(
  saver: InMemorySaver,
  flow: Flow,
  providers: ReturnType<typeof models>["providers"],
  input: string,
  parent: RunId | null,
): Promise<RunSnapshot> {
  return runFlowToEnd({
    flow,
    flowId: flowId("f"),
    input,
    conversationId: CONVERSATION,
    parentRunId: parent,
    saver,
    providers,
    ...(parent === null && saver.runs.size === 0 && { newConversation: { title: "t" } }),
  });
}

const summaryOf = (run: RunSnapshot): SummaryCallRecord | undefined =>
  run.nodes.find((n) => n.nodeId === "chat_llm")?.llm?.summary;

/** The memory log a run started from, oldest first. */
async function logBefore(saver: InMemorySaver, parent: RunSnapshot | undefined) {
  const head = (parent?.memoryHeads.chat_llm ?? null) as MessageId | null;
  return (await saver.readBack(head, Number.POSITIVE_INFINITY)).reverse();
}

describe("summary memory", () => {
  it("sends the summary as a system message after the system prompt, before the window", async () => {
    const saver = new InMemorySaver();
    const { calls, providers } = models();
    const flow = flowWith({
      systemPrompt: "Be brief.",
      memoryWindowSize: 2,
      memorySummary: { model: SUMMARIZER },
    });
    let parent: RunId | null = null;
    for (const input of ["U1", "U2", "U3"])
      parent = (await say(saver, flow, providers, input, parent)).id;
    // Call 3: the log is [U1, A1, U2, A2]; the window keeps [U2, A2], and U1, A1 are folded.
    expect(calls.node[2]).toEqual([
      "system: Be brief.",
      `system: ${SUMMARY_PREFIX}User: U1\n\nAssistant: re:U1`,
      "user: U2",
      "assistant: re:U2",
      "user: U3",
    ]);
    expect(calls.summarizer).toEqual([{ before: "", transcript: "User: U1\n\nAssistant: re:U1" }]);
    const run = saver.runs.get(parent as RunId) as RunSnapshot;
    expect(summaryOf(run)).toMatchObject({
      updated: true,
      coveredCount: 2,
      foldedCount: 2,
      previousCoversId: null,
      provider: "openai",
      model: SUMMARIZER,
      reply: "User: U1\n\nAssistant: re:U1",
      usage: { inputTokens: 7, outputTokens: 3 },
    });
    // Stored with the run, under the memory and the newest message it covers.
    const stored = await saver.loadSummary(MEMORY, summaryOf(run)?.coversId as MessageId);
    expect(stored?.text).toBe("User: U1\n\nAssistant: re:U1");
    expect(stored?.runId).toBe(run.id);
  });

  it("a failed summary call fails the run, names the summary, and leaves memory untouched", async () => {
    const saver = new InMemorySaver();
    let failing = false;
    const { calls, providers } = models(() => failing);
    const flow = flowWith({ memoryWindowSize: 2, memorySummary: { model: SUMMARIZER } });
    const r1 = await say(saver, flow, providers, "U1", null);
    const r2 = await say(saver, flow, providers, "U2", r1.id);
    failing = true;
    const r3 = await say(saver, flow, providers, "U3", r2.id);
    expect(r3.status).toBe("error");
    expect(r3.error?.kind).toBe("auth");
    expect(r3.error?.message).toMatch(
      /^The summary of memory "chat_llm" could not be updated by summarizer-model \(openai\), so the node's model was not called and memory is unchanged: The key was refused/,
    );
    // The node's own model was never called, nothing was appended, no summary was stored.
    expect(calls.node).toHaveLength(2);
    expect(r3.memoryHeads).toEqual(r2.memoryHeads);
    expect(r3.appended).toEqual({});
    expect(saver.summaries.size).toBe(0);
    // What the summarizer was sent is still on record.
    expect(summaryOf(r3)?.request?.[1]?.content).toContain("User: U1");
    failing = false;
    const r4 = await say(saver, flow, providers, "U3", r2.id);
    expect(r4.status).toBe("ok");
    expect(saver.summaries.size).toBe(1);
  });

  it("reuses a stored summary without a call when nothing new was dropped", async () => {
    const saver = new InMemorySaver();
    const { calls, providers } = models();
    const flow = flowWith({ memoryWindowSize: 2, memorySummary: { model: SUMMARIZER } });
    const r1 = await say(saver, flow, providers, "U1", null);
    const r2 = await say(saver, flow, providers, "U2", r1.id);
    await say(saver, flow, providers, "U3", r2.id);
    // Regenerating U3 drops the same messages: the summary is read, not written again.
    const again = await say(saver, flow, providers, "U3 again", r2.id);
    expect(calls.summarizer).toHaveLength(1);
    expect(summaryOf(again)).toEqual({
      memoryId: MEMORY,
      coversId: summaryOf(again)?.coversId,
      coveredCount: 2,
      updated: false,
    });
  });

  it("a write-only node, or a node without memory, gets no summary", async () => {
    const saver = new InMemorySaver();
    const { calls, providers } = models();
    let parent: RunId | null = null;
    const flow = flowWith({ memoryMode: "write-only", memorySummary: { model: SUMMARIZER } });
    for (const input of ["U1", "U2", "U3"])
      parent = (await say(saver, flow, providers, input, parent)).id;
    expect(calls.summarizer).toEqual([]);
    expect(calls.node[2]).toEqual(["user: U3"]);
  });

  it("defaults to the node's provider, model and base URL; a prompt of its own replaces the default", () => {
    const config = { provider: "openai-compatible" as const, model: "m", baseUrl: "http://x/v1" };
    expect(summarySettings({ ...config, memorySummary: {} })).toMatchObject({
      provider: "openai-compatible",
      model: "m",
      baseUrl: "http://x/v1",
    });
    expect(
      summarySettings({ ...config, memorySummary: { provider: "openai", prompt: "Sum up." } }),
    ).toEqual({ provider: "openai", model: "m", prompt: "Sum up." });
    expect(summarySettings({ ...config, memorySummary: { prompt: " " } })?.prompt).toBeUndefined();
    expect(summarySettings(config)).toBeNull();
  });
});

describe("summary memory, for any conversation tree and windows (property)", () => {
  /** Each step: which earlier run to continue from (branching and rewinding), and the window. */
  const steps = fc.array(
    fc.record({
      parent: fc.nat({ max: 20 }),
      root: fc.nat({ max: 9 }),
      window: fc.integer({ min: 1, max: 4 }),
    }),
    { minLength: 1, maxLength: 14 },
  );

  it("every summary is its own branch's log, folded incrementally: each update reads only the new messages", async () => {
    await fc.assert(
      fc.asyncProperty(steps, async (plan) => {
        const saver = new InMemorySaver();
        const { calls, providers } = models();
        const runs: RunSnapshot[] = [];
        for (const [i, step] of plan.entries()) {
          // Mostly continue an earlier run (any of them: a branch or a rewind); sometimes start over.
          const parent =
            runs.length > 0 && step.root !== 0 ? runs[step.parent % runs.length] : undefined;
          const flow = flowWith({
            memoryWindowSize: step.window,
            memorySummary: { model: SUMMARIZER },
          });
          const log = await logBefore(saver, parent);
          const summarized = calls.summarizer.length;
          const run = await say(saver, flow, providers, `U${i}`, parent?.id ?? null);
          runs.push(run);
          expect(run.status).toBe("ok");
          const dropped = log.slice(0, Math.max(0, log.length - step.window));
          const sent = calls.node.at(-1) ?? [];
          const summaryLine = sent.find((m) => m.startsWith(`system: ${SUMMARY_PREFIX}`));
          if (dropped.length === 0) {
            expect(summaryLine).toBeUndefined();
            continue;
          }
          // Exactly the dropped messages of this branch, each once, in order.
          expect(summaryLine).toBe(`system: ${SUMMARY_PREFIX}${dropped.map(line).join("\n\n")}`);
          // Right after the system prompt (none here), before the window and the prompt.
          expect(sent[0]).toBe(summaryLine);
          const record = summaryOf(run) as SummaryCallRecord;
          expect(record.coversId).toBe(dropped.at(-1)?.id);
          if (!record.updated) {
            expect(calls.summarizer.length).toBe(summarized);
            continue;
          }
          // Incremental: the previous summary is of this branch, and only what came after it is read.
          const previousAt = record.previousCoversId
            ? dropped.findIndex((m) => m.id === record.previousCoversId)
            : -1;
          if (record.previousCoversId) expect(previousAt).toBeGreaterThanOrEqual(0);
          const fresh = dropped.slice(previousAt + 1);
          expect(calls.summarizer.at(-1)).toEqual({
            before: dropped
              .slice(0, previousAt + 1)
              .map(line)
              .join("\n\n"),
            transcript: fresh.map(line).join("\n\n"),
          });
          expect(record.foldedCount).toBe(fresh.length);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("planning an update reads the messages dropped since the last summary, and no more", async () => {
    const lengths = fc.record({
      log: fc.integer({ min: 1, max: 40 }),
      summarizedAt: fc.option(fc.nat({ max: 39 }), { nil: null }),
      droppedUpTo: fc.nat({ max: 39 }),
    });
    await fc.assert(
      fc.asyncProperty(lengths, async ({ log, summarizedAt, droppedUpTo }) => {
        const saver = new InMemorySaver();
        let prev: MessageId | null = null;
        for (let index = 0; index < log; index++) {
          const id = messageId(`m${index}`);
          saver.messages.set(id, message(id, prev, index));
          prev = id;
        }
        const target = Math.min(droppedUpTo, log - 1);
        const base = summarizedAt !== null && summarizedAt < target ? summarizedAt : null;
        if (base !== null) {
          const coversId = messageId(`m${base}`);
          saver.summaries.set(`${MEMORY}\u0000${coversId}`, summary(MEMORY, coversId, base));
        }
        let read = 0;
        const reader = {
          readBack: async (head: MessageId | null, limit: number) => {
            const out = await saver.readBack(head, limit);
            read += out.length;
            return out;
          },
          loadSummary: (m: MemoryId, c: MessageId) => saver.loadSummary(m, c),
        };
        const plan = await planSummary(reader, MEMORY, messageId(`m${target}`));
        const fresh = target - (base ?? -1);
        expect(plan.kind).toBe("update");
        if (plan.kind !== "update") return;
        expect(read).toBe(fresh);
        expect(plan.read).toBe(fresh);
        expect(plan.folded.map((m) => m.index)).toEqual(
          Array.from({ length: fresh }, (_, i) => (base ?? -1) + 1 + i),
        );
        expect(plan.previous?.coversId ?? null).toBe(base === null ? null : messageId(`m${base}`));
      }),
      { numRuns: 200 },
    );
  });
});

function message(id: MessageId, prev: MessageId | null, index: number): MemoryMessage {
  return {
    id,
    conversationId: CONVERSATION,
    memoryId: MEMORY,
    runId: runId("r"),
    nodeId: nodeId("chat_llm"),
    prev,
    index,
    role: index % 2 === 0 ? "user" : "assistant",
    content: `message ${index}`,
    createdAt: index,
  };
}

function summary(memory: MemoryId, coversId: MessageId, index: number) {
  return {
    memoryId: memory,
    coversId,
    coveredCount: index + 1,
    conversationId: CONVERSATION,
    text: `up to ${index}`,
    previousCoversId: null,
    foldedCount: index + 1,
    runId: runId("r"),
    nodeId: nodeId("chat_llm"),
    createdAt: 0,
  };
}
