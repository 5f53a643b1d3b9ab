import type { ConversationId, FlowId, MessageId, RunId } from "../engine/ids";
import { flowThreadId, isFlowThread } from "../engine/memoryScope";
import type { MemoryMessage } from "../engine/messages";
import type { LlmCallRecord, NodeRecord, RunSnapshot } from "../engine/runSnapshot";
import type { BackupData } from "./backupData";
import type { ConversationRecord } from "./dbSchema";

/*
 * A restore adds, never overwrites: a record whose id is already taken gets a new id, and
 * every reference to it (a conversation's flow and head run, a run's parent, conversation,
 * memory heads and call records, a message's run and `prev` link, a flow-scoped memory's
 * thread `flow:<flowId>` and its heads, an edit's message) follows, so a restored
 * conversation chains and reads its memory exactly as it did. Ids that are free stay as they
 * were. Pure: the caller says which ids and names are taken.
 */

/** What the database already holds, as far as a restore can clash with it. */
export interface TakenIds {
  flowIds: ReadonlySet<string>;
  conversationIds: ReadonlySet<string>;
  runIds: ReadonlySet<string>;
  messageIds: ReadonlySet<string>;
  flowNames: ReadonlySet<string>;
}

export interface FlowRename {
  /** The flow's id in the backup. */
  id: FlowId;
  from: string;
  to: string;
}

export interface RemappedBackup {
  data: BackupData;
  /** Flows whose name was taken, and the name each gets. */
  renames: FlowRename[];
  /** How many records got a new id because theirs was taken. */
  newIds: number;
}

/** "Chat with memory" → "Chat with memory (2)" when taken (the Flows menu's rule). */
export function freeFlowName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  const stem = name.replace(/ \(\d+\)$/, "");
  for (let i = 2; ; i++) if (!taken.has(`${stem} (${i})`)) return `${stem} (${i})`;
}

/** Old id → new id for the ids that clash; the rest map to themselves. */
function idMap<T extends string>(
  ids: readonly T[],
  taken: ReadonlySet<string>,
  fresh: () => string,
): { get(id: T): T; changed: number } {
  const map = new Map<string, T>();
  for (const id of ids) if (taken.has(id) && !map.has(id)) map.set(id, fresh() as T);
  return { get: (id) => map.get(id) ?? id, changed: map.size };
}

/** An object's own entries with each value changed: keys are names (a memory id) and stay data. */
function mapValues<V, W>(record: Readonly<Record<string, V>>, change: (value: V) => W) {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, change(value)]));
}

export function remapBackup(
  data: BackupData,
  taken: TakenIds,
  fresh: () => string = () => crypto.randomUUID(),
): RemappedBackup {
  const flowIds = idMap(
    data.flows.map((f) => f.id),
    taken.flowIds,
    fresh,
  );
  const conversationIds = idMap(
    data.conversations.map((c) => c.id),
    taken.conversationIds,
    fresh,
  );
  const runIds = idMap(
    data.runs.map((r) => r.id),
    taken.runIds,
    fresh,
  );
  const messageIds = idMap(
    data.memoryMessages.map((m) => m.id),
    taken.messageIds,
    fresh,
  );
  const flow = (id: FlowId) => flowIds.get(id);
  // A flow-scoped memory's thread follows its flow's id.
  const conversation = (id: ConversationId) =>
    isFlowThread(id)
      ? flowThreadId(flow(id.slice("flow:".length) as FlowId))
      : conversationIds.get(id);
  const run = (id: RunId) => runIds.get(id);
  const message = (id: MessageId) => messageIds.get(id);
  const maybeRun = (id: RunId | null) => (id === null ? null : run(id));
  const maybeMessage = (id: MessageId | null) => (id === null ? null : message(id));

  const names = new Set(taken.flowNames);
  const renames: FlowRename[] = [];
  const flows = data.flows.map((record) => {
    const name = freeFlowName(record.flow.name, names);
    names.add(name);
    if (name !== record.flow.name)
      renames.push({ id: record.id, from: record.flow.name, to: name });
    return { ...record, id: flow(record.id), flow: { ...record.flow, name } };
  });

  const conversations = data.conversations.map(
    (record): ConversationRecord => ({
      ...record,
      id: conversation(record.id),
      flowId: flow(record.flowId),
      headRunId: maybeRun(record.headRunId),
    }),
  );

  const callMemory = (llm: LlmCallRecord): LlmCallRecord => {
    if (!llm.memory) return llm;
    const memory = llm.memory;
    return {
      ...llm,
      memory: {
        ...memory,
        keptIds: memory.keptIds.map(message),
        ...(memory.pinnedIds && { pinnedIds: memory.pinnedIds.map(message) }),
        ...(memory.versions && {
          versions: Object.fromEntries(
            Object.entries(memory.versions).map(([id, v]) => [message(id as MessageId), v]),
          ),
        }),
        firstDroppedId: maybeMessage(memory.firstDroppedId),
        appendedIds: memory.appendedIds.map(message),
      },
    };
  };
  const nodeRecord = (node: NodeRecord): NodeRecord =>
    node.llm ? { ...node, llm: callMemory(node.llm) } : node;

  const runs = data.runs.map(
    (record): RunSnapshot => ({
      ...record,
      id: run(record.id),
      parentRunId: maybeRun(record.parentRunId),
      conversationId: conversation(record.conversationId),
      flowId: flow(record.flowId),
      nodes: record.nodes.map(nodeRecord),
      appended: mapValues(record.appended, (ids) => ids.map(message)),
      memoryHeads: mapValues(record.memoryHeads, maybeMessage),
    }),
  );

  const memoryMessages = data.memoryMessages.map(
    (record): MemoryMessage => ({
      ...record,
      id: message(record.id),
      conversationId: conversation(record.conversationId),
      runId: run(record.runId),
      prev: maybeMessage(record.prev),
    }),
  );

  const flowMemoryHeads = data.flowMemoryHeads?.map((h) => ({
    flowId: flow(h.flowId),
    heads: mapValues(h.heads, maybeMessage),
  }));
  const memoryEdits = data.memoryEdits?.map((e) => ({ ...e, messageId: message(e.messageId) }));

  return {
    data: {
      flows,
      conversations,
      runs,
      memoryMessages,
      settings: data.settings,
      ...(flowMemoryHeads && { flowMemoryHeads }),
      ...(memoryEdits && { memoryEdits }),
    },
    renames,
    newIds: flowIds.changed + conversationIds.changed + runIds.changed + messageIds.changed,
  };
}
