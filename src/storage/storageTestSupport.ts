// Test-only helpers: the globals (IDBRequest, IDBKeyRange...) idb checks with instanceof
// must be fake-indexeddb's, so this import comes before any database is opened.
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { FLOW_SCHEMA, FLOW_VERSION, type Flow } from "../engine/flow";
import {
  type ConversationId,
  conversationId,
  type FlowId,
  flowId,
  type MemoryId,
  type MessageId,
  memoryId,
  messageId,
  nodeId,
  type RunId,
  runId,
} from "../engine/ids";
import type { MemoryMessage } from "../engine/messages";
import type { RunSnapshot } from "../engine/runSnapshot";
import type { Clock } from "./clock";
import { openStudioStorage, type StudioStorage } from "./studioStorage";

/** A brand-new, empty browser per call, so tests never see each other's data. */
export const freshIndexedDB = (): IDBFactory => new IDBFactory();

/** Strictly increasing, so "newest first" never depends on two writes sharing a millisecond. */
export function tickingClock(start = 1_000): Clock {
  let t = start;
  return () => t++;
}

export async function openTestStorage(indexedDB = freshIndexedDB()): Promise<StudioStorage> {
  return openStudioStorage({ indexedDB, name: "test", now: tickingClock() });
}

export const CONV_A = conversationId("conv-a");
export const CONV_B = conversationId("conv-b");
export const FLOW_1 = flowId("flow-1");
export const FLOW_2 = flowId("flow-2");
export const MEMORY = memoryId("chat_llm");

export function testFlow(name: string): Flow {
  return { schema: FLOW_SCHEMA, version: FLOW_VERSION, name, nodes: [], edges: [] };
}

/**
 * `contents.length` messages linked one after the other, continuing from `after` (whose
 * index the caller knows). Ids are `${prefix}-${i}` so a test can name any of them.
 */
export function chain(
  prefix: string,
  contents: readonly string[],
  options: {
    after?: { id: MessageId; index: number } | null;
    conversationId?: ConversationId;
    memoryId?: MemoryId;
    runId?: RunId;
  } = {},
): MemoryMessage[] {
  let prev = options.after?.id ?? null;
  const first = options.after ? options.after.index + 1 : 0;
  return contents.map((content, i) => {
    const message: MemoryMessage = {
      id: messageId(`${prefix}-${i}`),
      conversationId: options.conversationId ?? CONV_A,
      memoryId: options.memoryId ?? MEMORY,
      runId: options.runId ?? runId("run-x"),
      nodeId: nodeId("chat_llm"),
      prev,
      index: first + i,
      role: i % 2 === 0 ? "user" : "assistant",
      content,
      createdAt: 1_000 + i,
    };
    prev = message.id;
    return message;
  });
}

export function lastOf(messages: readonly MemoryMessage[]): MemoryMessage {
  const last = messages.at(-1);
  if (!last) throw new Error("empty chain");
  return last;
}

export function testRun(
  id: string,
  overrides: Partial<RunSnapshot> & { parent?: string | null } = {},
): RunSnapshot {
  const { parent = null, ...rest } = overrides;
  return {
    id: runId(id),
    parentRunId: parent === null ? null : runId(parent),
    conversationId: CONV_A,
    flowId: FLOW_1 as FlowId,
    flowRevision: 1,
    input: `input of ${id}`,
    outputs: {},
    nodes: [],
    appended: {},
    cleared: [],
    memoryHeads: {},
    status: "ok",
    startedAt: 1_000,
    endedAt: 1_001,
    ...rest,
  };
}

/**
 * Saves a run as a chat does: its conversation is created first when it does not exist yet
 * (the store does that on a conversation's first message; the saver refuses a run without one).
 */
export async function saveTestRun(storage: StudioStorage, run: RunSnapshot): Promise<void> {
  if (!(await storage.conversations.get(run.conversationId))) {
    await storage.conversations.create({ id: run.conversationId, flowId: run.flowId });
  }
  await storage.saver.finishRun(run, []);
}
