import type { ConversationId, FlowId, MessageId, RunId } from "./ids";
import { keyedRecord, ownValue } from "./keyedRecord";
import type { MemoryMessage } from "./messages";
import { movesHead, type RunSnapshot } from "./runSnapshot";
import {
  type FlowHeadMoves,
  flowHeadConflict,
  type MemoryHeads,
  type NewConversation,
  type Saver,
} from "./saver";

/** A saver that lives as long as the object: for tests, benchmarks and throwaway runs. */
export class InMemorySaver implements Saver {
  readonly runs = new Map<RunId, RunSnapshot>();
  readonly messages = new Map<MessageId, MemoryMessage>();
  /** Each conversation's title (when a run created it) and the run its head is on. */
  readonly conversations = new Map<ConversationId, { title?: string; headRunId: RunId }>();
  /** Each flow's flow-scoped memory heads. */
  readonly flowHeads = new Map<FlowId, MemoryHeads>();

  async loadRun(id: RunId) {
    return this.runs.get(id);
  }

  async beginRun(run: RunSnapshot, newConversation?: NewConversation) {
    if (newConversation && this.conversations.has(run.conversationId)) {
      throw new Error(`Conversation ${run.conversationId} already exists.`);
    }
    this.put(run);
    if (!movesHead(run)) return;
    const title = newConversation?.title ?? this.conversations.get(run.conversationId)?.title;
    this.conversations.set(run.conversationId, {
      ...(title !== undefined && { title }),
      headRunId: run.id,
    });
  }

  async saveDraft(run: RunSnapshot) {
    if (this.runs.get(run.id)?.status === "running") this.put(run);
  }

  async loadFlowHeads(flowId: FlowId) {
    return keyedRecord(this.flowHeads.get(flowId));
  }

  async finishRun(
    run: RunSnapshot,
    messages: readonly MemoryMessage[],
    flowHeads: FlowHeadMoves = {},
  ) {
    // Check the whole batch first: all land or none do, as with an IndexedDB transaction.
    for (const m of messages) {
      if (this.messages.has(m.id)) throw new Error(`Memory message ${m.id} already exists.`);
    }
    const heads = keyedRecord(this.flowHeads.get(run.flowId));
    for (const [memory, move] of Object.entries(flowHeads)) {
      if ((ownValue(heads, memory) ?? null) !== move.from) throw flowHeadConflict(memory);
      heads[memory] = move.to;
    }
    this.flowHeads.set(run.flowId, heads);
    for (const m of messages) this.messages.set(m.id, structuredClone(m));
    this.put(run);
    if (!movesHead(run)) return;
    const conversation = this.conversations.get(run.conversationId);
    this.conversations.set(run.conversationId, { ...conversation, headRunId: run.id });
  }

  async readBack(head: MessageId | null, limit: number) {
    const out: MemoryMessage[] = [];
    let id = head;
    while (id !== null && out.length < limit) {
      const message = this.messages.get(id);
      if (!message) throw new Error(`Memory message ${id} is missing: storage is damaged.`);
      out.push(message);
      id = message.prev;
    }
    return out;
  }

  /** A copy, so a caller mutating its object cannot rewrite saved history. */
  private put(run: RunSnapshot) {
    this.runs.set(run.id, structuredClone(run));
  }
}
