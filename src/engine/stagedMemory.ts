import type { MemoryId, MessageId } from "./ids";
import { type MemorySummary, summaryKey } from "./memorySummary";
import type { MemoryMessage } from "./messages";
import type { Saver } from "./saver";

/**
 * The memory messages a run has appended but not stored yet: they are stored with the run's
 * final record, in one transaction (Saver.finishRun), and until then the run reads them as
 * if they were stored, so a later node sharing the memory sees the earlier one's exchange.
 */
export class StagedMemory implements Pick<Saver, "readBack" | "loadSummary" | "readMarked"> {
  private readonly staged = new Map<MessageId, MemoryMessage>();
  /** Summaries written by this run, by summaryKey: stored with its final record too. */
  private readonly stagedSummaries = new Map<string, MemorySummary>();

  constructor(private readonly saver: Pick<Saver, "readBack" | "loadSummary" | "readMarked">) {}

  stageSummary(summary: MemorySummary): void {
    this.stagedSummaries.set(summaryKey(summary.memoryId, summary.coversId), summary);
  }

  /** Every summary staged, in the order written. */
  summaries(): MemorySummary[] {
    return [...this.stagedSummaries.values()];
  }

  async loadSummary(memoryId: MemoryId, coversId: MessageId): Promise<MemorySummary | undefined> {
    return (
      this.stagedSummaries.get(summaryKey(memoryId, coversId)) ??
      this.saver.loadSummary(memoryId, coversId)
    );
  }

  stage(messages: readonly MemoryMessage[]): void {
    // Checked as a batch, like the store's add: an id appended twice is a bug upstream.
    for (const m of messages) {
      if (this.staged.has(m.id)) throw new Error(`Memory message ${m.id} was appended twice.`);
    }
    for (const m of messages) this.staged.set(m.id, m);
  }

  /** Everything staged, in the order appended. */
  messages(): MemoryMessage[] {
    return [...this.staged.values()];
  }

  /** Only stored messages can be pinned: the pins of the stored log the staged ones continue. */
  async readMarked(head: MessageId | null): Promise<MemoryMessage[]> {
    let id = head;
    for (let message = id && this.staged.get(id); message; message = id && this.staged.get(id))
      id = message.prev;
    return id === null || !this.saver.readMarked ? [] : this.saver.readMarked(id);
  }

  /** Staged messages first (they are the newest), then the stored log they continue. */
  async readBack(head: MessageId | null, limit: number): Promise<MemoryMessage[]> {
    const out: MemoryMessage[] = [];
    if (!(limit > 0)) return out;
    let id = head;
    while (id !== null && out.length < limit) {
      const message = this.staged.get(id);
      if (!message) return [...out, ...(await this.saver.readBack(id, limit - out.length))];
      out.push(message);
      id = message.prev;
    }
    return out;
  }
}
