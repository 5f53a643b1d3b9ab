import {
  type AssembledCall,
  assembleCall,
  type CallParts,
  callTokenCounter,
  contextWarning,
  readCallMemoryShown,
  sentMessages,
  systemPromptOf,
} from "./callAssembly";
import type { MemoryMode, ProviderName } from "./flow";
import type { MemoryId, MessageId } from "./ids";
import { type MemorySettings, readsMemory } from "./memorySettings";
import type { SummaryCallRecord, SummarySettings } from "./memorySummary";
import { inWindowRange } from "./memoryWindow";
import type { SentMessage } from "./messages";
import type {
  KeyDestination,
  ProviderCredentials,
  ProviderRequest,
  ProviderResolver,
  TokenUsage,
} from "./provider";
import { ProviderError, type ProviderResult } from "./provider";
import { callBaseUrl, keyForCall, keyNotApprovedError } from "./providers/keyBinding";
import { isProviderName } from "./providers/providerTable";
import { toRunError } from "./runError";
import type { LlmCallRecord, RunError } from "./runSnapshot";
import type { MemoryHeads, Saver } from "./saver";
import { DEFAULT_SUMMARY_PROMPT, planSummary, summaryRequest } from "./summaryUpdate";
import { ESTIMATE } from "./tokenCount";

/*
 * Replaying one recorded call with other settings (docs/memory.md, "Replaying a call"): the
 * memory as it stood at that call, read through the engine's own window, budget and mode code
 * (readCallMemoryShown, assembleCall), sent over the provider with the same key check as a
 * run. Nothing is written: no run, no memory message, no head.
 */

/**
 * The summary a replay sends (docs/memory.md, "Replaying a call"): the one the call received
 * ("recorded"), none ("off"), or one written for the replay by another summarizer over what
 * the replay's window leaves out ("summarizer"; its base URL is the replay's own when it uses
 * the replay's provider, else the one in Settings).
 */
export type ReplaySummary =
  | { kind: "recorded" }
  | { kind: "off" }
  | { kind: "summarizer"; summarizer: SummarySettings };

/** What a replay may change. The prompt is the recorded one. */
export interface ReplaySettings {
  provider: ProviderName;
  model: string;
  /** The call's own address; blank: the one in Settings, else the provider's. */
  baseUrl: string;
  /** Blank: none is sent, as in a run. */
  systemPrompt: string;
  /** Messages of memory before the prompt; null: all, 0: none. */
  windowSize: number | null;
  /** The token budget; null: none. */
  windowTokens: number | null;
  mode: MemoryMode;
  summary: ReplaySummary;
}

/** The settings the recorded call ran with: the replay form starts from these. */
export function recordedSettings(llm: LlmCallRecord): ReplaySettings {
  const memory = llm.memory;
  return {
    provider: isProviderName(llm.provider) ? llm.provider : "echo",
    model: llm.model,
    baseUrl: llm.baseUrl ?? "",
    systemPrompt: llm.systemPrompt ?? "",
    windowSize: memory ? memory.windowSize : null,
    windowTokens: memory?.windowTokens ?? null,
    mode: memory?.mode ?? "read-write",
    summary: { kind: "recorded" },
  };
}

/**
 * The newest message of the call's memory when it was called: the newest message its window
 * kept or, when it kept none, the newest it dropped (a window of 0 still reads the head to
 * count the log). null: the memory was empty, or the call read none.
 */
export function headAtCall(llm: LlmCallRecord): MessageId | null {
  const memory = llm.memory;
  if (!memory) return null;
  return memory.keptIds.at(-1) ?? memory.firstDroppedId;
}

/** The memory settings a replay reads with: the recorded memory, the replay's window and mode. */
function replayMemory(llm: LlmCallRecord, settings: ReplaySettings): MemorySettings {
  const memory = llm.memory;
  if (!memory) return { memoryId: null, windowSize: null, windowTokens: null, mode: "read-write" };
  return {
    memoryId: memory.memoryId,
    windowSize: settings.windowSize,
    windowTokens: settings.windowTokens,
    mode: settings.mode,
  };
}

/** A replay's messages: what it sends, with what its window left out shown in place. */
export interface PreparedReplay {
  call: AssembledCall;
  contextWarning: string | null;
  /**
   * "Another summarizer": its call, made before the replay's own (what it is sent, then its
   * reply). Absent when the replay's window leaves nothing out to summarize.
   */
  summaryCall?: SummaryCallRecord;
  /** What `call` is assembled from: the summary joins these once the summarizer replies. */
  parts: CallParts;
}

/**
 * The messages a replay sends, from the memory as it stood at the recorded call (walked back
 * from its head then, never from the memory's head now), with the dropped ones to show.
 */
export async function prepareReplay(
  saver: Pick<Saver, "readBack" | "loadSummary">,
  llm: LlmCallRecord,
  settings: ReplaySettings,
): Promise<PreparedReplay> {
  const memory = replayMemory(llm, settings);
  const counter = await callTokenCounter(memory, settings);
  const heads: MemoryHeads = {};
  if (memory.memoryId !== null) heads[memory.memoryId] = headAtCall(llm);
  const read = await readCallMemoryShown(saver, memory, heads, counter);
  const choice = settings.summary;
  // "As recorded": the summary the original call received, sent again as it was (summary
  // memory): a replay changes the window around it, never rewrites it. Not sent when the
  // replay reads no memory.
  const summary =
    read && llm.summary && choice.kind === "recorded"
      ? await saver.loadSummary(llm.summary.memoryId, llm.summary.coversId)
      : null;
  // "Another summarizer": as a run, only a call that reads its memory gets a summary.
  const summaryCall =
    read && choice.kind === "summarizer" && readsMemory(memory)
      ? await replaySummaryCall(saver, read.memory.memoryId, read.memory.firstDroppedId, choice)
      : null;
  const parts: CallParts = {
    systemPrompt: systemPromptOf(settings),
    memory: read?.memory ?? null,
    ...(read && { shown: read.shown }),
    prompt: llm.prompt,
    counter,
    ...(summary && { summary }),
  };
  return assembled(parts, llm, settings, summaryCall ?? undefined);
}

function assembled(
  parts: CallParts,
  llm: LlmCallRecord,
  settings: ReplaySettings,
  summaryCall: SummaryCallRecord | undefined,
): PreparedReplay {
  const call = assembleCall(parts);
  const warning = contextWarning(call.tokens, {
    provider: settings.provider,
    model: settings.model,
    ...(llm.maxTokens !== undefined && { maxTokens: llm.maxTokens }),
  });
  return { call, contextWarning: warning, parts, ...(summaryCall && { summaryCall }) };
}

/**
 * The call another summarizer is sent for a replay: every message the replay's window leaves
 * out, from the memory as it stood at the call (pinned and deleted ones not folded, as in a
 * run), with no previous summary: no stored summary is read, so planSummary walks back to
 * the log's start. null when there is nothing to fold.
 */
async function replaySummaryCall(
  saver: Pick<Saver, "readBack">,
  memoryId: MemoryId,
  newestDroppedId: MessageId | null,
  choice: Extract<ReplaySummary, { kind: "summarizer" }>,
): Promise<SummaryCallRecord | null> {
  const noStoredSummary = {
    readBack: (head: MessageId | null, limit: number) => saver.readBack(head, limit),
    loadSummary: async () => undefined,
  };
  const plan = await planSummary(
    noStoredSummary,
    memoryId,
    newestDroppedId,
    (m) => !inWindowRange(m),
  );
  if (plan.kind !== "update" || plan.folded.length === 0) return null;
  const { summarizer } = choice;
  const request = summaryRequest(summarizer.prompt ?? DEFAULT_SUMMARY_PROMPT, null, plan.folded);
  const total = request.reduce((sum, m) => sum + ESTIMATE.count(m), 0);
  return {
    memoryId,
    coversId: plan.target.id,
    coveredCount: plan.target.index + 1,
    updated: true,
    previousCoversId: null,
    foldedCount: plan.folded.length,
    provider: summarizer.provider,
    model: summarizer.model,
    request,
    tokens: { total, exact: false, counter: ESTIMATE.name },
  };
}

export interface ReplayRequest {
  llm: LlmCallRecord;
  settings: ReplaySettings;
  prepared: PreparedReplay;
  providers: ProviderResolver;
  credentials?: ProviderCredentials;
  /** Servers the user chose to call once without the saved key. */
  keyless?: readonly KeyDestination[];
  signal: AbortSignal;
  onDelta(text: string): void;
  /** The summarizer replied: the replay as it is now sent, its summary in place. */
  onPrepared?(prepared: PreparedReplay): void;
  call?: Pick<ProviderRequest, "timeouts" | "retryWaitSignal">;
  now?: () => number;
}

export interface ReplayResult {
  reply?: string;
  usage?: TokenUsage;
  latencyMs?: number;
  error?: RunError;
  /** Another summarizer was called: the replay as it ended, its summarizer's reply included. */
  prepared?: PreparedReplay;
}

/** Who a call of a replay goes to: the replay's model, or its summarizer. */
interface CallTarget {
  provider: ProviderName;
  model: string;
  baseUrl: string;
  temperature?: number;
  maxTokens?: number;
}

/**
 * Sends a prepared replay: first its summarizer's call, if another summarizer writes its
 * summary, then its own. A saved key goes only where a run would send it (keyForCall);
 * otherwise nothing is sent and the error names the server. Never throws: a failure is the
 * result's error, in a run's words; a failed summarizer call sends nothing else.
 */
export async function sendReplay(request: ReplayRequest): Promise<ReplayResult> {
  const { settings, llm, signal } = request;
  const now = request.now ?? Date.now;
  let prepared = request.prepared;
  const ended = () => (prepared === request.prepared ? {} : { prepared });
  try {
    const pending = prepared.summaryCall;
    if (pending && settings.summary.kind === "summarizer") {
      const { summarizer } = settings.summary;
      const summaryCall: SummaryCallRecord = { ...pending };
      prepared = { ...prepared, summaryCall };
      const started = now();
      let result: ProviderResult;
      try {
        result = await callModel(
          request,
          summarizerTarget(settings, summarizer),
          pending.request ?? [],
          () => {},
        );
      } catch (caught) {
        if (signal.aborted) throw caught;
        throw summaryFailure(summarizer, caught);
      }
      if (signal.aborted)
        throw new ProviderError("aborted", "Stopped.", { provider: summarizer.provider });
      Object.assign(summaryCall, {
        reply: result.text,
        usage: result.usage,
        latencyMs: now() - started,
      });
      const text = result.text.trim();
      if (text === "") {
        throw summaryFailure(
          summarizer,
          new ProviderError("bad-response", "the summarizer replied with no text", {
            provider: summarizer.provider,
          }),
        );
      }
      const summary = { text, memoryId: summaryCall.memoryId, coversId: summaryCall.coversId };
      prepared = assembled({ ...prepared.parts, summary }, llm, settings, summaryCall);
      request.onPrepared?.(prepared);
    }
    const started = now();
    const result = await callModel(
      request,
      {
        provider: settings.provider,
        model: settings.model,
        baseUrl: settings.baseUrl,
        ...(llm.temperature !== undefined && { temperature: llm.temperature }),
        ...(llm.maxTokens !== undefined && { maxTokens: llm.maxTokens }),
      },
      sentMessages(prepared.call),
      request.onDelta,
    );
    if (signal.aborted)
      throw new ProviderError("aborted", "Stopped.", { provider: settings.provider });
    return {
      reply: result.text,
      usage: result.usage,
      latencyMs: now() - started,
      ...ended(),
    };
  } catch (caught) {
    return { error: toRunError(caught, signal.aborted), ...ended() };
  }
}

/** The summarizer's address: its own, else the replay's when it uses the replay's provider. */
function summarizerTarget(settings: ReplaySettings, summarizer: SummarySettings): CallTarget {
  const own = summarizer.baseUrl?.trim() ?? "";
  const baseUrl = own || (summarizer.provider === settings.provider ? settings.baseUrl : "");
  return { provider: summarizer.provider, model: summarizer.model, baseUrl };
}

/** One call over the provider, with the key only where keyBinding allows it (as in a run). */
async function callModel(
  request: ReplayRequest,
  target: CallTarget,
  messages: readonly SentMessage[],
  onDelta: (text: string) => void,
): Promise<ProviderResult> {
  const hosted = target.provider === "echo" ? undefined : target.provider;
  const credential = hosted && request.credentials?.[hosted];
  const baseUrl = hosted && callBaseUrl(hosted, target.baseUrl, credential || undefined);
  const key = hosted ? keyForCall(hosted, credential || undefined, baseUrl, request.keyless) : null;
  if (key && !key.ok) throw keyNotApprovedError([key.refused]);
  const provider = await request.providers(target.provider);
  return provider({
    provider: target.provider,
    model: target.model,
    messages,
    signal: request.signal,
    onDelta,
    ...request.call,
    ...(baseUrl && { baseUrl }),
    ...(key?.apiKey && { apiKey: key.apiKey }),
    ...(key?.withoutKey && { withoutKey: true }),
    ...(target.temperature !== undefined && { temperature: target.temperature }),
    ...(target.maxTokens !== undefined && { maxTokens: target.maxTokens }),
  });
}

/**
 * A summarizer call that failed, said as such: the replay's own call was not sent. The kind
 * and provider stay the summarizer's (a refused key still offers to replay without it).
 */
function summaryFailure(summarizer: SummarySettings, caught: unknown): Error {
  const reason = caught instanceof Error ? caught.message : String(caught);
  const message = `The replay's summary could not be written by ${summarizer.model} (${summarizer.provider}), so the replay's call was not sent: ${reason}`;
  if (caught instanceof ProviderError) {
    return new ProviderError(caught.kind, message, {
      ...caught.details,
      provider: summarizer.provider,
    });
  }
  return new ProviderError("bad-response", message, { provider: summarizer.provider });
}
