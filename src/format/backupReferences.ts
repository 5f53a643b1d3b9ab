import type { BackupContents, ConversationRecords } from "./backupContents";
import { type FlowFileError, fileError, formatPath, type PathSegment } from "./flowFileErrors";

/*
 * The rules across records, as the database relies on them: ids unique, every reference
 * pointing at a record of the file, a conversation's runs and messages its own, and each
 * memory log a chain (`prev` in the same conversation and memory, index one more). A file
 * that passes restores into a database where every conversation continues as it was.
 */

const q = (id: string) => JSON.stringify(id);

/** A flow-scoped memory's thread: `flow:<flowId>` in place of a conversation id. */
const FLOW_THREAD = "flow:";

export function referenceErrors(
  data: ConversationRecords &
    Partial<Pick<BackupContents, "flows" | "flowMemoryHeads" | "memoryEdits">>,
  prefix: readonly PathSegment[] = [],
): FlowFileError[] {
  const errors: FlowFileError[] = [];
  const at = (...path: PathSegment[]) => formatPath([...prefix, ...path]);
  const fail = (message: string, ...path: PathSegment[]): void => {
    errors.push(fileError(at(...path), message));
  };

  /** Index of each id in its section; a repeated id is an error at the repeat. */
  const indexed = <T extends { id: string }>(section: string, records: readonly T[]) => {
    const byId = new Map<string, number>();
    records.forEach((record, i) => {
      const first = byId.get(record.id);
      if (first !== undefined)
        fail(`${q(record.id)} is also the id of ${at(section, first)}`, section, i, "id");
      else byId.set(record.id, i);
    });
    return byId;
  };
  const flows = data.flows ? indexed("flows", data.flows) : null;
  const conversations = indexed("conversations", data.conversations);
  const runs = indexed("runs", data.runs);
  const messages = indexed("memoryMessages", data.memoryMessages);

  data.conversations.forEach((c, i) => {
    if (flows && !flows.has(c.flowId)) {
      fail(`names flow ${q(c.flowId)}, which is not in this file`, "conversations", i, "flowId");
    }
    if (c.headRunId !== null) {
      const run = runs.get(c.headRunId);
      if (run === undefined) {
        fail(
          `names run ${q(c.headRunId)}, which is not in this file`,
          "conversations",
          i,
          "headRunId",
        );
      } else if (data.runs[run]?.conversationId !== c.id) {
        fail(
          `names ${at("runs", run)}, a run of another conversation`,
          "conversations",
          i,
          "headRunId",
        );
      }
    }
  });

  /**
   * A message id a run names: in the file, and of the run's own conversation or of its
   * flow's shared thread (a flow-scoped memory).
   */
  const ownMessage = (
    run: { conversationId: string; flowId: string },
    id: string | null,
    ...path: PathSegment[]
  ): void => {
    if (id === null) return;
    const m = messages.get(id);
    const thread = data.memoryMessages[m ?? -1]?.conversationId;
    if (m === undefined) fail(`names memory message ${q(id)}, which is not in this file`, ...path);
    else if (thread !== run.conversationId && thread !== `${FLOW_THREAD}${run.flowId}`) {
      fail(`names ${at("memoryMessages", m)}, a message of another conversation`, ...path);
    }
  };
  /** Each edit version by message: `id:version`. */
  const versions = new Set<string>();
  (data.memoryEdits ?? []).forEach((e, i) => {
    if (!messages.has(e.messageId)) {
      fail(
        `names memory message ${q(e.messageId)}, which is not in this file`,
        "memoryEdits",
        i,
        "messageId",
      );
    }
    const key = `${e.messageId}:${e.version}`;
    if (versions.has(key))
      fail(`repeats version ${e.version} of ${q(e.messageId)}`, "memoryEdits", i, "version");
    versions.add(key);
  });

  data.runs.forEach((r, i) => {
    const c = conversations.get(r.conversationId);
    if (c === undefined) {
      fail(
        `names conversation ${q(r.conversationId)}, which is not in this file`,
        "runs",
        i,
        "conversationId",
      );
      return;
    }
    const conversation = data.conversations[c];
    if (conversation && conversation.flowId !== r.flowId) {
      fail(
        `is ${q(r.flowId)}, but its conversation belongs to flow ${q(conversation.flowId)}`,
        "runs",
        i,
        "flowId",
      );
    }
    if (r.parentRunId !== null) {
      const parent = runs.get(r.parentRunId);
      if (parent === undefined) {
        fail(`names run ${q(r.parentRunId)}, which is not in this file`, "runs", i, "parentRunId");
      } else if (data.runs[parent]?.conversationId !== r.conversationId) {
        fail(
          `names ${at("runs", parent)}, a run of another conversation`,
          "runs",
          i,
          "parentRunId",
        );
      }
    }
    for (const [memory, head] of Object.entries(r.memoryHeads)) {
      ownMessage(r, head, "runs", i, "memoryHeads", memory);
    }
    for (const [memory, ids] of Object.entries(r.appended)) {
      ids.forEach((id, k) => {
        ownMessage(r, id, "runs", i, "appended", memory, k);
      });
    }
    r.nodes.forEach((node, n) => {
      const memory = node.llm?.memory;
      if (!memory) return;
      const path = ["runs", i, "nodes", n, "llm", "memory"];
      memory.keptIds.forEach((id, k) => {
        ownMessage(r, id, ...path, "keptIds", k);
      });
      memory.appendedIds.forEach((id, k) => {
        ownMessage(r, id, ...path, "appendedIds", k);
      });
      ownMessage(r, memory.firstDroppedId, ...path, "firstDroppedId");
    });
  });

  const flowOfThread = (thread: string) =>
    thread.startsWith(FLOW_THREAD) ? thread.slice(FLOW_THREAD.length) : null;
  data.memoryMessages.forEach((m, i) => {
    const threadFlow = flowOfThread(m.conversationId);
    if (threadFlow !== null) {
      // A flow-scoped memory's message: its flow in the file, its run one of that flow's.
      if (!flows?.has(threadFlow)) {
        fail(
          `names flow ${q(threadFlow)}, which is not in this file`,
          "memoryMessages",
          i,
          "conversationId",
        );
      }
    } else if (!conversations.has(m.conversationId)) {
      fail(
        `names conversation ${q(m.conversationId)}, which is not in this file`,
        "memoryMessages",
        i,
        "conversationId",
      );
    }
    const run = runs.get(m.runId);
    if (run === undefined) {
      fail(`names run ${q(m.runId)}, which is not in this file`, "memoryMessages", i, "runId");
    } else if (
      threadFlow === null
        ? data.runs[run]?.conversationId !== m.conversationId
        : data.runs[run]?.flowId !== threadFlow
    ) {
      fail(`names ${at("runs", run)}, a run of another conversation`, "memoryMessages", i, "runId");
    }
    if (m.prev === null) {
      if (m.index !== 0)
        fail(
          "must be 0 for the first message of a memory (prev is null)",
          "memoryMessages",
          i,
          "index",
        );
      return;
    }
    const p = messages.get(m.prev);
    const prev = p === undefined ? undefined : data.memoryMessages[p];
    if (p === undefined || prev === undefined) {
      fail(
        `names memory message ${q(m.prev)}, which is not in this file`,
        "memoryMessages",
        i,
        "prev",
      );
    } else if (prev.conversationId !== m.conversationId || prev.memoryId !== m.memoryId) {
      fail(
        `names ${at("memoryMessages", p)}, a message of another conversation or memory`,
        "memoryMessages",
        i,
        "prev",
      );
    } else if (m.index !== prev.index + 1) {
      fail(
        `must be ${prev.index + 1}, one more than the message before it (${at("memoryMessages", p)})`,
        "memoryMessages",
        i,
        "index",
      );
    }
  });
  (data.flowMemoryHeads ?? []).forEach((h, i) => {
    if (!flows?.has(h.flowId)) {
      fail(`names flow ${q(h.flowId)}, which is not in this file`, "flowMemoryHeads", i, "flowId");
    }
    for (const [memory, head] of Object.entries(h.heads)) {
      if (head === null) continue;
      const m = messages.get(head);
      const message = data.memoryMessages[m ?? -1];
      if (
        !message ||
        message.conversationId !== `${FLOW_THREAD}${h.flowId}` ||
        message.memoryId !== memory
      ) {
        fail(
          `must be a message of the flow's shared memory ${q(memory)} in this file`,
          "flowMemoryHeads",
          i,
          "heads",
          memory,
        );
      }
    }
  });
  return errors;
}
