import type { Clock } from "./clock";
import type { StudioDatabase } from "./dbSchema";
import type { IndexedDbSaver } from "./IndexedDbSaver";

/** What the app calls on the saver: every method is async, so its code can load on first use. */
export type StudioSaver = Pick<
  IndexedDbSaver,
  | "loadRun"
  | "beginRun"
  | "saveDraft"
  | "loadFlowHeads"
  | "finishRun"
  | "loadSummary"
  | "putSummaries"
  | "appendMessages"
  | "readBack"
  | "readMarked"
>;

/**
 * The IndexedDB saver (IndexedDbSaver.ts), its code loaded on the first run or memory read:
 * the first page draws the flow and the chat without it (the first-page budget,
 * docs/architecture.md). Each call waits for the same one instance.
 */
export function lazySaver(db: StudioDatabase, now: Clock): StudioSaver {
  let saver: Promise<IndexedDbSaver> | undefined;
  const load = () =>
    (saver ??= import("./IndexedDbSaver").then((m) => new m.IndexedDbSaver(db, now)));
  return {
    loadRun: async (id) => (await load()).loadRun(id),
    beginRun: async (run, newConversation) => (await load()).beginRun(run, newConversation),
    saveDraft: async (run) => (await load()).saveDraft(run),
    loadFlowHeads: async (flowId) => (await load()).loadFlowHeads(flowId),
    finishRun: async (...args) => (await load()).finishRun(...args),
    loadSummary: async (memoryId, coversId) => (await load()).loadSummary(memoryId, coversId),
    putSummaries: async (summaries) => (await load()).putSummaries(summaries),
    appendMessages: async (messages) => (await load()).appendMessages(messages),
    readBack: async (head, limit) => (await load()).readBack(head, limit),
    readMarked: async (head) => (await load()).readMarked(head),
  };
}
