import {
  type AssembledCall,
  assembleCall,
  callTokenCounter,
  contextWarning,
  readCallMemoryShown,
  sentMessages,
  systemPromptOf,
} from "./callAssembly";
import type { MemoryMode, ProviderName } from "./flow";
import type { MessageId } from "./ids";
import type { MemorySettings } from "./memorySettings";
import type {
  KeyDestination,
  ProviderCredentials,
  ProviderRequest,
  ProviderResolver,
  TokenUsage,
} from "./provider";
import { ProviderError } from "./provider";
import { callBaseUrl, keyForCall, keyNotApprovedError } from "./providers/keyBinding";
import { isProviderName } from "./providers/providerTable";
import { toRunError } from "./runError";
import type { LlmCallRecord, RunError } from "./runSnapshot";
import type { MemoryHeads, Saver } from "./saver";

/*
 * Replaying one recorded call with other settings (docs/memory.md, "Replaying a call"): the
 * memory as it stood at that call, read through the engine's own window, budget and mode code
 * (readCallMemoryShown, assembleCall), sent over the provider with the same key check as a
 * run. Nothing is written: no run, no memory message, no head.
 */

/**
 * What a replay may change. The prompt is the recorded one. A summary memory is not here yet:
 * when it exists, it becomes a field of this interface, read in `replayMemory` and passed to
 * assembleCall like the window, and the replay form gets its control (docs/memory.md).
 */
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
  // The summary the original call received, sent again as it was (summary memory): a replay
  // changes the window around it, never rewrites it. Not sent when the replay reads no memory.
  const summary =
    read && llm.summary
      ? await saver.loadSummary(llm.summary.memoryId, llm.summary.coversId)
      : null;
  const call = assembleCall({
    systemPrompt: systemPromptOf(settings),
    memory: read?.memory ?? null,
    ...(read && { shown: read.shown }),
    prompt: llm.prompt,
    counter,
    ...(summary && { summary }),
  });
  const warning = contextWarning(call.tokens, {
    provider: settings.provider,
    model: settings.model,
    ...(llm.maxTokens !== undefined && { maxTokens: llm.maxTokens }),
  });
  return { call, contextWarning: warning };
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
  call?: Pick<ProviderRequest, "timeouts" | "retryWaitSignal">;
  now?: () => number;
}

export interface ReplayResult {
  reply?: string;
  usage?: TokenUsage;
  latencyMs?: number;
  error?: RunError;
}

/**
 * Sends a prepared replay. A saved key goes only where a run would send it (keyForCall);
 * otherwise nothing is sent and the error names the server. Never throws: a failure is the
 * result's error, in a run's words.
 */
export async function sendReplay(request: ReplayRequest): Promise<ReplayResult> {
  const { settings, llm, signal } = request;
  const now = request.now ?? Date.now;
  try {
    const hosted = settings.provider === "echo" ? undefined : settings.provider;
    const credential = hosted && request.credentials?.[hosted];
    const baseUrl = hosted && callBaseUrl(hosted, settings.baseUrl, credential || undefined);
    const key = hosted
      ? keyForCall(hosted, credential || undefined, baseUrl, request.keyless)
      : null;
    if (key && !key.ok) throw keyNotApprovedError([key.refused]);
    const provider = await request.providers(settings.provider);
    const started = now();
    const result = await provider({
      provider: settings.provider,
      model: settings.model,
      messages: sentMessages(request.prepared.call),
      signal,
      onDelta: request.onDelta,
      ...request.call,
      ...(baseUrl && { baseUrl }),
      ...(key?.apiKey && { apiKey: key.apiKey }),
      ...(key?.withoutKey && { withoutKey: true }),
      ...(llm.temperature !== undefined && { temperature: llm.temperature }),
      ...(llm.maxTokens !== undefined && { maxTokens: llm.maxTokens }),
    });
    if (signal.aborted)
      throw new ProviderError("aborted", "Stopped.", { provider: settings.provider });
    return { reply: result.text, usage: result.usage, latencyMs: now() - started };
  } catch (caught) {
    return { error: toRunError(caught, signal.aborted) };
  }
}
