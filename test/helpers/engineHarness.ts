import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Flow, ProviderName } from "../../src/engine/flow";
import type { ConversationId, FlowId, RunId } from "../../src/engine/ids";
import { conversationId, flowId } from "../../src/engine/ids";
import type { LlmProvider, ProviderRequest, ProviderResolver } from "../../src/engine/provider";
import type { RunOptions } from "../../src/engine/runFlow";
import { runFlowToEnd } from "../../src/engine/runFlow";
import type { RunSnapshot } from "../../src/engine/runSnapshot";
import type { Saver } from "../../src/engine/saver";

/** A flow file from test/fixtures/flows, parsed. */
export function loadFlow(name: string): Flow {
  const url = new URL(`../fixtures/flows/${name}.flow.json`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), "utf8")) as Flow;
}

/** The flow with every LLM node switched to `provider` (tests use a recording one). */
export function withProvider(flow: Flow, provider: ProviderName): Flow {
  return {
    ...flow,
    nodes: flow.nodes.map((n) =>
      n.type === "llm" ? { ...n, config: { ...n.config, provider } } : n,
    ),
  };
}

export interface RecordedCall {
  nodeModel: string;
  /** What the provider received, as `role: content` strings, system prompt included. */
  messages: string[];
}

/**
 * A stand-in LLM behind the engine's provider interface: replies A1, A2, … in call order
 * and records what each call received. (Provider adapters are tested against the mock
 * HTTP server; here the subject is the engine.)
 */
export function recordingLlm(
  reply?: (call: number, request: ProviderRequest) => Promise<string> | string,
) {
  const calls: RecordedCall[] = [];
  const provider: LlmProvider = async (request) => {
    calls.push({
      nodeModel: request.model,
      messages: request.messages.map((m) => `${m.role}: ${m.content}`),
    });
    const n = calls.length;
    const text = reply ? await reply(n, request) : `A${n}`;
    request.onDelta(text);
    return { text, usage: { inputTokens: request.messages.length, outputTokens: 1 } };
  };
  const providers: ProviderResolver = async () => provider;
  return { calls, providers, provider };
}

/** A conversation of one flow, turn by turn, continuing from its latest run as the chat does. */
export class Conversation {
  readonly id: ConversationId = conversationId(crypto.randomUUID());
  readonly flowId: FlowId = flowId("flow");
  head: RunId | null = null;
  readonly runs: RunSnapshot[] = [];

  constructor(
    public flow: Flow,
    public saver: Saver,
    public providers: ProviderResolver,
  ) {}

  async say(input: string, extra: Partial<RunOptions> = {}): Promise<RunSnapshot> {
    const snapshot = await runFlowToEnd({
      flow: this.flow,
      flowId: this.flowId,
      input,
      conversationId: this.id,
      parentRunId: this.head,
      saver: this.saver,
      providers: this.providers,
      ...extra,
    });
    this.head = snapshot.id;
    this.runs.push(snapshot);
    return snapshot;
  }
}
