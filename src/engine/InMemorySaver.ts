import type { MessageId, RunId } from "./ids";
import type { MemoryMessage } from "./messages";
import type { RunSnapshot } from "./runSnapshot";
import type { Saver } from "./saver";

/** A saver that lives as long as the object: for tests, benchmarks and throwaway runs. */
export class InMemorySaver implements Saver {
  readonly runs = new Map<RunId, RunSnapshot>();
  readonly messages = new Map<MessageId, MemoryMessage>();

  async loadRun(id: RunId) {
    return this.runs.get(id);
  }

  async saveRun(run: RunSnapshot) {
    // A copy, so a caller mutating its object cannot rewrite saved history.
    this.runs.set(run.id, structuredClone(run));
  }

  async appendMessages(messages: readonly MemoryMessage[]) {
    // Check the whole batch first: all land or none do, as with an IndexedDB transaction.
    for (const m of messages) {
      if (this.messages.has(m.id)) throw new Error(`Memory message ${m.id} already exists.`);
    }
    for (const m of messages) this.messages.set(m.id, structuredClone(m));
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
}
