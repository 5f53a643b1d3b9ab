import type { Flow } from "./flow";
import type { ConversationId, FlowId, MemoryId } from "./ids";
import { conversationId } from "./ids";
import { ownValue } from "./keyedRecord";

/**
 * Where a memory lives (docs/memory.md, "Memory across conversations"): `conversation`, one
 * log per conversation (the default), or `flow`, one log shared by every conversation of
 * the flow.
 */
export type MemoryScope = "conversation" | "flow";
export const MEMORY_SCOPES = ["conversation", "flow"] as const;

/** The flow's `memories` object as a plain record, whatever the file held. */
function declared(flow: Pick<Flow, "memories">): Record<string, unknown> {
  const memories = flow.memories;
  return typeof memories === "object" && memories !== null && !Array.isArray(memories)
    ? (memories as Record<string, unknown>)
    : {};
}

/** A memory's scope: `flow` only when the flow's `memories` says so; absent = conversation. */
export function memoryScope(flow: Pick<Flow, "memories">, memoryId: string): MemoryScope {
  const entry = ownValue(declared(flow), memoryId);
  return typeof entry === "object" &&
    entry !== null &&
    (entry as { scope?: unknown }).scope === "flow"
    ? "flow"
    : "conversation";
}

/** The flow-scoped memories of a flow, in the order its `memories` object lists them. */
export function flowScopedMemories(flow: Pick<Flow, "memories">): MemoryId[] {
  return Object.keys(declared(flow)).filter((id) => memoryScope(flow, id) === "flow") as MemoryId[];
}

/** The memory ids the `memories` object names (whatever their scope). */
export const declaredMemories = (flow: Pick<Flow, "memories">): string[] =>
  Object.keys(declared(flow));

/**
 * The flow with a memory's scope set. `conversation` removes the entry (it is the default),
 * and an empty `memories` object is removed, so a flow without shared memory stays as it was.
 */
export function withMemoryScope<F extends Flow>(flow: F, memoryId: string, scope: MemoryScope): F {
  const rest = Object.fromEntries(Object.entries(declared(flow)).filter(([id]) => id !== memoryId));
  const memories = scope === "flow" ? { ...rest, [memoryId]: { scope } } : rest;
  const { memories: _old, ...others } = flow;
  return (Object.keys(memories).length > 0 ? { ...others, memories } : others) as F;
}

/**
 * The thread a flow-scoped memory's messages are stored under, in place of a conversation
 * id: they belong to no conversation, so deleting one never breaks the shared log.
 */
export const flowThreadId = (flowId: FlowId): ConversationId => conversationId(`flow:${flowId}`);

/** Whether messages stored under this id are a flow's shared thread, not a conversation's. */
export const isFlowThread = (id: string): boolean => id.startsWith("flow:");
