import { AsyncQueue } from "./asyncQueue";
import {
  assembleCall,
  callTokenCounter,
  contextWarning,
  type MemoryRead,
  readCallMemory,
  sentMessages,
  systemPromptOf,
} from "./callAssembly";
import { DraftWriter } from "./draftWriter";
import type { LlmCallView, RunEvent } from "./events";
import type { Flow, FlowNode, LlmConfig, LlmNode } from "./flow";
import { settingsBaseUrlsOf } from "./flowProblem";
import { FlowValidationError } from "./flowValidationError";
import { buildGraph } from "./graph";
import { topologicalOrder } from "./graphOrder";
import type { ConversationId, FlowId, MemoryId, MessageId, NodeId, RunId } from "./ids";
import { messageId, newId } from "./ids";
import { keyedRecord, ownValue } from "./keyedRecord";
import { flowScopedMemories, flowThreadId } from "./memoryScope";
import { nodeMemory, nodeMemoryId, readsMemory, writesMemory } from "./memorySettings";
import {
  type MemorySummary,
  type SummaryCallRecord,
  type SummarySettings,
  summarySettings,
} from "./memorySummary";
import { inWindowRange } from "./memoryWindow";
import type { MemoryMessage, SentMessage } from "./messages";
import { nodeTemplate } from "./nodeKinds";
import { outputStreamSource } from "./outputStream";
import type {
  KeyDestination,
  ProviderCredentials,
  ProviderRequest,
  ProviderResolver,
  ProviderResult,
} from "./provider";
import { ProviderError } from "./provider";
import {
  callBaseUrl,
  keyForCall,
  keyNotApprovedError,
  unapprovedDestinations,
} from "./providers/keyBinding";
import { toRunError } from "./runError";
import type { RunFromHere } from "./runFromHere";
import type { LlmCallRecord, NodeRecord, RunError, RunSnapshot, RunStatus } from "./runSnapshot";
import type { FlowHeadMoves, MemoryHeads, NewConversation, Saver } from "./saver";
import { StagedMemory } from "./stagedMemory";
import { DEFAULT_SUMMARY_PROMPT, planSummary, summaryRequest } from "./summaryUpdate";
import { INPUT_REFERENCE, renderTemplate } from "./template";
import { ESTIMATE } from "./tokenCount";
import { validateFlow } from "./validateFlow";

/**
 * The abort reason that ends a run as "interrupted" rather than stopped: the page must let go
 * of its storage (a newer version opened in another tab), so the run is saved with what it
 * streamed, as a reload would find it, instead of being dropped.
 */
export class RunInterruption extends Error {
  override name = "RunInterruption";
}

export interface RunOptions {
  flow: Flow;
  flowId: FlowId;
  flowRevision?: number;
  /** The chat message. */
  input: string;
  conversationId: ConversationId;
  /**
   * The message is the first of a new conversation (`conversationId`, not stored yet): it is
   * created with the run's first record, in the same transaction.
   */
  newConversation?: NewConversation;
  /** The run whose memory this one continues; null or absent starts every memory empty. */
  parentRunId?: RunId | null;
  saver: Saver;
  providers: ProviderResolver;
  credentials?: ProviderCredentials;
  /** Servers the user chose to call once without the saved key (not approved for it). */
  keyless?: readonly KeyDestination[];
  signal?: AbortSignal;
  /** Memories to empty before this run; recorded in its snapshot, history untouched. */
  clearMemories?: readonly MemoryId[];
  runId?: RunId;
  now?: () => number;
  /** Timeouts, and the signal that gives up a rate-limit wait, for every call of the run. */
  call?: Pick<ProviderRequest, "timeouts" | "retryWaitSignal">;
  /** Run this one node alone, from given values ("run from here"): nothing else runs. */
  only?: RunFromHere;
}

/** Runs the flow and returns its snapshot, ignoring the events on the way. */
export async function runFlowToEnd(options: RunOptions): Promise<RunSnapshot> {
  const run = runFlow(options);
  for (;;) {
    const step = await run.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs a flow for one chat input (docs/memory.md): independent branches concurrently,
 * nodes sharing a memory one after another in topological order (ties by node id), each
 * successful LLM call appending [prompt, reply] to its memory. The run is stored "running"
 * before any call, its streamed text saved as a draft as it arrives, and its final record
 * stored with every message it appended in one transaction (Saver). Yields events as they
 * happen and returns the saved snapshot. Stopping the iteration aborts it.
 */
export async function* runFlow(options: RunOptions): AsyncGenerator<RunEvent, RunSnapshot> {
  // A base URL set in Settings serves every node of its provider without one of its own.
  const { only } = options;
  const target = only && options.flow.nodes.find((n) => n.id === only.nodeId);
  if (only && !target) throw new Error(`Node ${only.nodeId} is not in the flow.`);
  const problems = validateFlow(options.flow, {
    settingsBaseUrls: settingsBaseUrlsOf(options.credentials),
  }).filter((p) => !target || p.nodeId === undefined || p.nodeId === target.id);
  if (problems.some((p) => p.severity === "error")) throw new FlowValidationError(problems);
  // Before anything is read or sent: a saved key never goes to a server it is not bound to
  // (the same check for one node run alone, over the nodes that run).
  const calling = target ? { nodes: [target] } : options.flow;
  const refused = unapprovedDestinations(calling, options.credentials, options.keyless);
  if (refused.length > 0) throw keyNotApprovedError(refused);

  const parentRunId = options.parentRunId ?? null;
  const parent = parentRunId ? await options.saver.loadRun(parentRunId) : undefined;
  if (parentRunId && !parent)
    throw new Error(`Run ${parentRunId} was not found: cannot continue from it.`);
  if (parent && parent.conversationId !== options.conversationId) {
    throw new Error(`Run ${parentRunId} belongs to another conversation.`);
  }

  // Flow-scoped memories start from the flow's head, not the parent run's: shared by every
  // conversation, so a new conversation, a branch or a rewind never rewinds them.
  const shared = flowScopedMemories(options.flow);
  const flowHeads = shared.length > 0 ? await options.saver.loadFlowHeads(options.flowId) : {};
  const startHeads = keyedRecord(parent?.memoryHeads);
  for (const m of shared) startHeads[m] = ownValue(flowHeads, m) ?? null;

  const controller = new AbortController();
  const signal = options.signal
    ? AbortSignal.any([options.signal, controller.signal])
    : controller.signal;
  const queue = new AsyncQueue<RunEvent>();
  const execution = new Execution(options, startHeads, new Set(shared), signal, queue);
  const finished = execution.run().finally(() => queue.close());
  // Surface a crash of the execution even if it happens while the consumer waits for events.
  finished.catch(() => queue.close());
  let completed = false;
  try {
    for await (const event of queue) yield event;
    const snapshot = await finished;
    completed = true;
    return snapshot;
  } finally {
    if (!completed) {
      controller.abort();
      await finished.catch(() => undefined);
    }
  }
}

type NodeStatus = NodeRecord["status"];

class Execution {
  private readonly runId: RunId;
  private readonly now: () => number;
  private readonly flow: Flow;
  private readonly byId: Map<NodeId, FlowNode>;
  private readonly graph: ReturnType<typeof buildGraph>;
  private readonly values = new Map<string, string>();
  private readonly heads: MemoryHeads;
  /** The heads the run started from: what memory stays at if its messages cannot be stored. */
  private readonly startHeads: MemoryHeads;
  /** The heads before any clear: a flow-scoped memory's head is moved only from this one. */
  private readonly initialFlowHeads: MemoryHeads;
  private readonly memory: StagedMemory;
  /** LLM node id -> the text it has streamed so far (kept by the draft and by a Stop). */
  private readonly streamed = new Map<NodeId, string>();
  /** Output node id -> the LLM node whose reply it shows as it streams. */
  private readonly streamSources = new Map<NodeId, NodeId>();
  private readonly drafts: DraftWriter;
  private startedAt = 0;
  private readonly appended: Record<string, MessageId[]> = keyedRecord();
  private readonly records = new Map<NodeId, NodeRecord>();
  private readonly outputs: Record<string, string> = keyedRecord();
  private readonly started = new Map<NodeId, Promise<NodeStatus>>();
  /** The node that must finish before this one because they share a memory. */
  private readonly memoryPredecessor = new Map<NodeId, NodeId>();

  constructor(
    private readonly options: RunOptions,
    initialHeads: MemoryHeads,
    /** The flow-scoped memories: their messages go to the flow's thread, their heads to the flow. */
    private readonly shared: ReadonlySet<string>,
    private readonly signal: AbortSignal,
    private readonly queue: AsyncQueue<RunEvent>,
  ) {
    this.runId = options.runId ?? newId<"RunId">();
    this.now = options.now ?? Date.now;
    this.flow = options.flow;
    this.byId = new Map(this.flow.nodes.map((n) => [n.id, n]));
    this.graph = buildGraph(this.flow);
    this.initialFlowHeads = keyedRecord(initialHeads);
    this.heads = keyedRecord(initialHeads);
    for (const m of options.clearMemories ?? []) this.heads[m] = null;
    this.startHeads = keyedRecord(this.heads);
    this.memory = new StagedMemory(options.saver);
    for (const node of this.flow.nodes) {
      const source = node.type === "output" ? outputStreamSource(this.flow, node.id) : null;
      if (source) this.streamSources.set(node.id, source);
    }
    this.drafts = new DraftWriter(() => options.saver.saveDraft(this.snapshot("running")));
    this.values.set(INPUT_REFERENCE, options.input);
    for (const [ref, value] of Object.entries(options.only?.values ?? {}))
      this.values.set(ref, value);

    const lastUser = new Map<MemoryId, NodeId>();
    for (const id of topologicalOrder(this.graph)) {
      const memory = nodeMemoryId(this.byId.get(id));
      if (!memory) continue;
      const before = lastUser.get(memory);
      if (before) this.memoryPredecessor.set(id, before);
      lastUser.set(memory, id);
    }
  }

  async run(): Promise<RunSnapshot> {
    this.startedAt = this.now();
    const { conversationId, input, saver } = this.options;
    // The message is stored before anything is called: a reload from here on still has it.
    await saver.beginRun(this.snapshot("running"), this.options.newConversation);
    this.queue.push({
      type: "run-started",
      runId: this.runId,
      parentRunId: this.options.parentRunId ?? null,
      conversationId,
      input,
      at: this.startedAt,
    });

    try {
      const { only } = this.options;
      // Run alone, a node reads the values it was given: nothing upstream runs.
      if (only) await this.execute(only.nodeId);
      else await Promise.all(this.flow.nodes.map((n) => this.schedule(n.id)));
    } finally {
      await this.drafts.close();
    }

    const failed = this.flow.nodes
      .map((n) => this.records.get(n.id))
      .find((r) => r?.status === "error");
    const status: RunStatus = !this.signal.aborted
      ? failed
        ? "error"
        : "ok"
      : this.signal.reason instanceof RunInterruption
        ? "interrupted"
        : "aborted";
    let snapshot = this.snapshot(status, failed?.error);
    try {
      await saver.finishRun(
        snapshot,
        this.memory.messages(),
        this.flowHeadMoves(),
        this.memory.summaries(),
      );
    } catch (error) {
      // Nothing of it landed: memory is as it was, and the run says why.
      snapshot = unsavedRun(snapshot, this.startHeads, error);
      await saver.finishRun(snapshot, []);
    }
    this.queue.push({ type: "run-finished", runId: this.runId, snapshot });
    return snapshot;
  }

  /** The flow-scoped memories this run moved (appended to or cleared), from where to where. */
  private flowHeadMoves(): FlowHeadMoves {
    const moves: FlowHeadMoves = keyedRecord();
    for (const m of this.shared) {
      const to = ownValue(this.heads, m) ?? null;
      const from = ownValue(this.initialFlowHeads, m) ?? null;
      if (to !== from || this.options.clearMemories?.includes(m as MemoryId))
        moves[m] = { from, to };
    }
    return moves;
  }

  /**
   * The run as it stands. Running or stopped, outputs include the text streamed so far by
   * the LLM they show: the draft a reload finds, and what a Stop keeps on screen.
   */
  private snapshot(status: RunStatus, failure?: RunError): RunSnapshot {
    const outputs = keyedRecord(this.outputs);
    if (status === "running" || status === "aborted" || status === "interrupted") {
      for (const [outputId, source] of this.streamSources) {
        const text = this.streamed.get(source);
        if (text !== undefined && ownValue(outputs, outputId) === undefined)
          outputs[outputId] = text;
      }
    }
    const nodes = this.flow.nodes.flatMap((n) => this.records.get(n.id) ?? []);
    const only = this.options.only;
    // A node run alone: the outputs showing exactly its reply show it (the chat's turn does).
    const reply = only && this.values.get(only.nodeId);
    if (only && reply !== undefined && status === "ok") {
      for (const [outputId, source] of this.streamSources)
        if (source === only.nodeId) outputs[outputId] = reply;
    }
    return {
      id: this.runId,
      parentRunId: this.options.parentRunId ?? null,
      conversationId: this.options.conversationId,
      flowId: this.options.flowId,
      flowRevision: this.options.flowRevision ?? 0,
      input: this.options.input,
      outputs,
      nodes,
      appended: keyedRecord(this.appended),
      cleared: [...(this.options.clearMemories ?? [])],
      memoryHeads: keyedRecord(this.heads),
      status,
      ...(status === "aborted" && { error: { kind: "aborted", message: "Stopped." } as RunError }),
      ...(status === "error" && failure && { error: failure }),
      startedAt: this.startedAt,
      endedAt: this.now(),
      ...(only && {
        runFromHere: {
          nodeId: only.nodeId,
          source: only.source,
          writesMemory: only.writesMemory,
        },
      }),
    };
  }

  /** Starts a node once its inputs and its memory predecessor are done; memoized per node. */
  private schedule(id: NodeId): Promise<NodeStatus> {
    let promise = this.started.get(id);
    if (!promise) {
      promise = (async () => {
        const inputs = await Promise.all(
          (this.graph.upstream.get(id) ?? []).map((u) => this.schedule(u)),
        );
        const predecessor = this.memoryPredecessor.get(id);
        // Order only: a failed predecessor does not stop this node, it just must not overlap it.
        if (predecessor) await this.schedule(predecessor);
        if (this.signal.aborted) return this.skip(id, "aborted", "The run was stopped.");
        if (inputs.some((s) => s !== "ok"))
          return this.skip(id, "skipped", "An input of this node did not finish.");
        return this.execute(id);
      })();
      this.started.set(id, promise);
    }
    return promise;
  }

  private skip(nodeId: NodeId, status: NodeStatus, reason: string): NodeStatus {
    const node = this.byId.get(nodeId) as FlowNode;
    this.records.set(nodeId, { nodeId, type: node.type, status });
    this.queue.push({ type: "node-skipped", runId: this.runId, nodeId, reason });
    return status;
  }

  private async execute(nodeId: NodeId): Promise<NodeStatus> {
    const node = this.byId.get(nodeId) as FlowNode;
    const startedAt = this.now();
    this.queue.push({ type: "node-started", runId: this.runId, nodeId, at: startedAt });
    if (node.type === "llm") return this.executeLlm(node, startedAt);

    const output = node.type === "input" ? this.options.input : this.render(node);
    this.values.set(nodeId, output);
    if (node.type === "output") this.outputs[nodeId] = output;
    const record: NodeRecord = {
      nodeId,
      type: node.type,
      status: "ok",
      output,
      startedAt,
      endedAt: this.now(),
    };
    this.records.set(nodeId, record);
    this.queue.push({ type: "node-finished", runId: this.runId, nodeId, output, record });
    return "ok";
  }

  /** The node's template filled in, or its single input passed through. */
  private render(node: FlowNode): string {
    const template = nodeTemplate(node);
    if (template !== undefined) return renderTemplate(template, this.values);
    const [only] = this.graph.upstream.get(node.id) ?? [];
    return this.values.get(only as NodeId) as string;
  }

  private async executeLlm(node: LlmNode, startedAt: number): Promise<NodeStatus> {
    const { config } = node;
    const nodeId = node.id;
    const prompt = this.render(node);
    const systemPrompt = systemPromptOf(config);
    const settings = nodeMemory(node);

    // Empty until the messages are assembled: a memory that cannot be read sends nothing.
    const call: LlmCallView = { messages: [], dropped: { count: 0, firstDroppedId: null } };
    const ownBaseUrl = typeof config.baseUrl === "string" ? config.baseUrl.trim() : "";
    // What a replay of this call needs besides its messages (its own address, no key).
    const llm: LlmCallRecord = {
      provider: config.provider,
      model: config.model,
      prompt,
      ...(systemPrompt && { systemPrompt }),
      ...(ownBaseUrl !== "" && { baseUrl: ownBaseUrl }),
      ...(config.temperature !== undefined && { temperature: config.temperature }),
      ...(config.maxTokens !== undefined && { maxTokens: config.maxTokens }),
    };

    try {
      const counter = await callTokenCounter(settings, config);
      const memory = await readCallMemory(this.memory, settings, this.readHeads(settings), counter);
      const summarizer = summarySettings(config);
      // Before the node's call: what fell out of its window is folded in first (a write-only
      // node sees no history, so it gets no summary either).
      const summary =
        summarizer && memory && readsMemory(settings)
          ? await this.summarize(nodeId, summarizer, memory, (record) => {
              llm.summary = record;
              call.summary = record;
            })
          : null;
      const assembled = assembleCall({ systemPrompt, memory, prompt, counter, summary });
      const messages = sentMessages(assembled);
      const { total, exact } = assembled.tokens;
      const tokens = { total, exact, counter: counter.name };
      const warning = contextWarning(tokens, config);
      call.messages = messages;
      call.dropped = assembled.dropped;
      call.tokens = tokens;
      llm.tokens = tokens;
      if (warning !== null) {
        call.contextWarning = warning;
        llm.contextWarning = warning;
      }
      if (memory) {
        llm.memory = {
          memoryId: memory.memoryId,
          ...(this.shared.has(memory.memoryId) && { scope: "flow" as const }),
          mode: settings.mode,
          windowSize: settings.windowSize,
          ...(memory.windowTokens !== null && {
            windowTokens: memory.windowTokens,
            droppedByBudget: memory.droppedByBudget,
            keptTokens: memory.keptTokens ?? 0,
          }),
          keptIds: memory.kept.map((m) => m.id),
          ...(memory.pinned && { pinnedIds: memory.pinned.map((m) => m.id) }),
          ...sentVersions(memory),
          ...(memory.pinsOverBudget && { pinsOverBudget: true }),
          droppedCount: memory.droppedCount,
          firstDroppedId: memory.firstDroppedId,
          appendedIds: [],
        };
      }

      const callStarted = this.now();
      const result = await this.callModel(nodeId, config, messages, (text) => {
        this.streamed.set(nodeId, (this.streamed.get(nodeId) ?? "") + text);
        this.drafts.grew(text.length);
        this.queue.push({ type: "token", runId: this.runId, nodeId, text });
      });
      // A reply that arrives after Stop is not kept: the user asked for it not to count.
      if (this.signal.aborted)
        throw new ProviderError("aborted", "Stopped.", { provider: config.provider });
      call.reply = result.text;
      call.usage = result.usage;
      call.latencyMs = this.now() - callStarted;
      Object.assign(llm, { reply: result.text, usage: result.usage, latencyMs: call.latencyMs });

      if (writesMemory(settings) && llm.memory && (this.options.only?.writesMemory ?? true)) {
        llm.memory.appendedIds = await this.append(settings.memoryId, nodeId, prompt, result.text);
      }
      this.values.set(nodeId, result.text);
      const record: NodeRecord = {
        nodeId,
        type: "llm",
        status: "ok",
        output: result.text,
        startedAt,
        endedAt: this.now(),
        llm,
      };
      this.records.set(nodeId, record);
      this.queue.push({
        type: "node-finished",
        runId: this.runId,
        nodeId,
        output: result.text,
        record,
        call,
      });
      return "ok";
    } catch (caught) {
      const aborted = this.signal.aborted;
      const error = toRunError(caught, aborted);
      const status: NodeStatus = aborted ? "aborted" : "error";
      const record: NodeRecord = {
        nodeId,
        type: "llm",
        status,
        startedAt,
        endedAt: this.now(),
        llm,
        error,
      };
      this.records.set(nodeId, record);
      this.queue.push({ type: "node-failed", runId: this.runId, nodeId, error, record, call });
      return status;
    }
  }

  /**
   * The heads a call reads its memory from. A node run alone that writes nothing reads its
   * memory as the last run's call of it did (RunFromHere.memoryHead), not as it is now.
   */
  private readHeads(settings: ReturnType<typeof nodeMemory>): MemoryHeads {
    const only = this.options.only;
    if (!only || only.writesMemory || only.memoryHead === undefined || !settings.memoryId)
      return this.heads;
    const heads = keyedRecord(this.heads);
    heads[settings.memoryId] = only.memoryHead;
    return heads;
  }

  /**
   * One call to a model, with the key only where keyBinding allows it: the node's own call and
   * its summarizer's both go through here.
   */
  private async callModel(
    nodeId: NodeId,
    target: Pick<LlmConfig, "provider" | "model" | "baseUrl" | "temperature" | "maxTokens">,
    messages: readonly SentMessage[],
    onDelta: (text: string) => void,
  ): Promise<ProviderResult> {
    const provider = await this.options.providers(target.provider);
    const credential = this.options.credentials?.[target.provider];
    const hosted = target.provider === "echo" ? undefined : target.provider;
    const baseUrl = hosted && callBaseUrl(hosted, target.baseUrl, credential);
    const key = hosted ? keyForCall(hosted, credential, baseUrl, this.options.keyless) : null;
    if (key && !key.ok) throw keyNotApprovedError([key.refused]);
    return provider({
      provider: target.provider,
      model: target.model,
      messages,
      signal: this.signal,
      onDelta,
      onRetryWait: (wait) =>
        this.queue.push({ type: "call-retrying", runId: this.runId, nodeId, ...wait }),
      ...this.options.call,
      ...(baseUrl && { baseUrl }),
      ...(key?.apiKey && { apiKey: key.apiKey }),
      ...(key?.withoutKey && { withoutKey: true }),
      ...(target.temperature !== undefined && { temperature: target.temperature }),
      ...(target.maxTokens !== undefined && { maxTokens: target.maxTokens }),
    });
  }

  /**
   * The summary a node's call is sent (docs/memory.md, "Summary memory"): the stored one up to
   * the newest message its window dropped, or a new one, from the previous summary on this
   * log and only the messages dropped since, written by a real call to the summarizer. The
   * new summary is staged and stored with the run's final record. A failed summarizer call
   * fails the node before its own call, with memory untouched. `recorded` receives the
   * record as soon as it is known, so a failure still shows what the summarizer was sent.
   */
  private async summarize(
    nodeId: NodeId,
    summarizer: SummarySettings,
    memory: MemoryRead,
    recorded: (record: SummaryCallRecord) => void,
  ): Promise<MemorySummary | null> {
    const { memoryId } = memory;
    // Pinned messages are sent anyway and deleted ones are gone: neither is folded in.
    const plan = await planSummary(
      this.memory,
      memoryId,
      memory.firstDroppedId,
      (m) => !inWindowRange(m),
    );
    if (plan.kind === "none") return null;
    if (plan.kind === "stored") {
      const { summary } = plan;
      recorded({
        memoryId,
        coversId: summary.coversId,
        coveredCount: summary.coveredCount,
        updated: false,
      });
      return summary;
    }
    const { previous, folded, target } = plan;
    // Everything newly dropped is pinned: the previous summary still says it all.
    if (folded.length === 0 && !previous) return null;
    const record: SummaryCallRecord = {
      memoryId,
      coversId: target.id,
      coveredCount: target.index + 1,
      updated: true,
      previousCoversId: previous?.coversId ?? null,
      foldedCount: folded.length,
    };
    let text = previous?.text ?? "";
    if (folded.length > 0) {
      const request = summaryRequest(summarizer.prompt ?? DEFAULT_SUMMARY_PROMPT, previous, folded);
      const total = request.reduce((sum, m) => sum + ESTIMATE.count(m), 0);
      Object.assign(record, {
        provider: summarizer.provider,
        model: summarizer.model,
        request,
        tokens: { total, exact: false, counter: ESTIMATE.name },
      });
      recorded(record);
      const started = this.now();
      let result: ProviderResult;
      try {
        result = await this.callModel(nodeId, summarizer, request, () => {});
      } catch (caught) {
        if (this.signal.aborted) throw caught;
        throw summaryFailure(memoryId, summarizer, caught);
      }
      if (this.signal.aborted)
        throw new ProviderError("aborted", "Stopped.", { provider: summarizer.provider });
      Object.assign(record, {
        reply: result.text,
        usage: result.usage,
        latencyMs: this.now() - started,
      });
      text = result.text.trim();
      if (text === "") {
        throw summaryFailure(
          memoryId,
          summarizer,
          new ProviderError("bad-response", "the summarizer replied with no text", {
            provider: summarizer.provider,
          }),
        );
      }
    }
    recorded(record);
    const summary: MemorySummary = {
      memoryId,
      coversId: target.id,
      coveredCount: target.index + 1,
      conversationId: target.conversationId,
      text,
      previousCoversId: previous?.coversId ?? null,
      foldedCount: folded.length,
      runId: this.runId,
      nodeId,
      createdAt: this.now(),
    };
    this.memory.stageSummary(summary);
    return summary;
  }

  /**
   * Appends [prompt, reply] to a memory and moves its head: staged, read by later nodes of
   * this run, stored with the run's final record.
   */
  private async append(
    memory: MemoryId,
    nodeId: NodeId,
    prompt: string,
    reply: string,
  ): Promise<MessageId[]> {
    const head = ownValue(this.heads, memory) ?? null;
    const [previous] = head ? await this.memory.readBack(head, 1) : [];
    const index = previous ? previous.index + 1 : 0;
    const base = {
      conversationId: this.shared.has(memory)
        ? flowThreadId(this.options.flowId)
        : this.options.conversationId,
      memoryId: memory,
      runId: this.runId,
      nodeId,
      createdAt: this.now(),
    };
    const user: MemoryMessage = {
      ...base,
      id: messageId(`${this.runId}:${nodeId}:prompt`),
      prev: head,
      index,
      role: "user",
      content: prompt,
    };
    const assistant: MemoryMessage = {
      ...base,
      id: messageId(`${this.runId}:${nodeId}:reply`),
      prev: user.id,
      index: index + 1,
      role: "assistant",
      content: reply,
    };
    this.memory.stage([user, assistant]);
    this.heads[memory] = assistant.id;
    const list = ownValue(this.appended, memory) ?? [];
    list.push(user.id, assistant.id);
    this.appended[memory] = list;
    return [user.id, assistant.id];
  }
}

/**
 * A summarizer call that failed, said as such: the node's own model was not called, and
 * memory is as it was. The kind and provider stay the summarizer's, so the chat offers the
 * right next step (a key, a base URL) for the right provider.
 */
function summaryFailure(memoryId: MemoryId, summarizer: SummarySettings, caught: unknown): Error {
  const reason = caught instanceof Error ? caught.message : String(caught);
  const message = `The summary of memory "${memoryId}" could not be updated by ${summarizer.model} (${summarizer.provider}), so the node's model was not called and memory is unchanged: ${reason}`;
  if (caught instanceof ProviderError) {
    return new ProviderError(caught.kind, message, {
      ...caught.details,
      provider: summarizer.provider,
    });
  }
  return new ProviderError("bad-response", message, { provider: summarizer.provider });
}

/**
 * The run's final record could not be stored with its memory messages: the run is stored
 * failed instead, with memory as it started (none of its messages landed) and the reason.
 */
function unsavedRun(run: RunSnapshot, startHeads: MemoryHeads, cause: unknown): RunSnapshot {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return {
    ...run,
    status: "error",
    error: {
      kind: "internal",
      message: `The reply could not be saved, so memory is unchanged: ${reason}`,
    },
    nodes: run.nodes.map((node) =>
      node.llm?.memory
        ? { ...node, llm: { ...node.llm, memory: { ...node.llm.memory, appendedIds: [] } } }
        : node,
    ),
    appended: keyedRecord(),
    memoryHeads: keyedRecord(startHeads),
  };
}

/**
 * The edited version of each message a call sent (absent: all as appended), so the run
 * inspector shows exactly the text this call received after later edits.
 */
function sentVersions(memory: {
  kept: readonly MemoryMessage[];
  pinned?: readonly MemoryMessage[];
}): { versions?: Record<string, number> } {
  const versions: Record<string, number> = keyedRecord<number>();
  let any = false;
  for (const m of [...(memory.pinned ?? []), ...memory.kept]) {
    if (m.version) {
      versions[m.id] = m.version;
      any = true;
    }
  }
  return any ? { versions } : {};
}
