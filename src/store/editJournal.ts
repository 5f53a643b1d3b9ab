import type { Flow } from "../engine/flow";
import type { FlowId } from "../engine/ids";
import type { FlowRecord } from "../storage/dbSchema";
import type { KeyValueStorage } from "./browserServices";

/**
 * The edit not yet saved, written synchronously on every edit. IndexedDB writes are
 * asynchronous and a reload can cut them off (the autosave waits 400 ms to batch typing), so
 * the newest flow also goes to localStorage at once; a reload replays it when the stored flow
 * is still the revision the edit was made on. Cleared once the edit is saved.
 */
export interface JournalEntry {
  flowId: FlowId;
  /** The stored revision the edit builds on: a newer stored one means it was saved since. */
  baseRevision: number;
  flow: Flow;
}

/** Do not change without a migration: the key lives in users' browsers. */
const journalKey = (flowId: FlowId) => `llm-flow-studio.pendingEdit:${flowId}`;

/**
 * Flows of more nodes are not journaled: their text (100 to 150 characters a node) would not fit
 * in Web Storage's 5 MB beside the rest, and writing it on every edit would hold the page each
 * time. Their edits rely on the debounced save alone, as the canvas tells the user.
 */
export const JOURNAL_MAX_NODES = 5000;

/**
 * Where Web Storage is refused or full, or the flow too large, the debounced save is all there
 * is: nothing throws, and no older entry stays behind to be replayed over a newer save.
 */
export function writeJournal(storage: KeyValueStorage | null, entry: JournalEntry): void {
  if (entry.flow.nodes.length > JOURNAL_MAX_NODES) {
    clearJournal(storage, entry.flowId);
    return;
  }
  try {
    storage?.setItem(journalKey(entry.flowId), JSON.stringify(entry));
  } catch {
    // Quota or a disabled storage: the autosave still saves this edit a moment later.
    clearJournal(storage, entry.flowId);
  }
}

export function clearJournal(storage: KeyValueStorage | null, flowId: FlowId): void {
  try {
    storage?.removeItem(journalKey(flowId));
  } catch {
    // Nothing to do: a stale entry is discarded on load (its revision is older).
  }
}

export function hasJournal(storage: KeyValueStorage | null, flowId: FlowId): boolean {
  return readJournal(storage, flowId) !== null;
}

/** The entry for `flowId`, or null when there is none or it cannot be read as one. */
export function readJournal(storage: KeyValueStorage | null, flowId: FlowId): JournalEntry | null {
  let text: string | null = null;
  try {
    text = storage?.getItem(journalKey(flowId)) ?? null;
  } catch {
    return null;
  }
  if (text === null) return null;
  try {
    const entry = JSON.parse(text) as Partial<JournalEntry> | null;
    const flow = entry?.flow;
    const looksLikeFlow =
      typeof flow === "object" &&
      flow !== null &&
      Array.isArray(flow.nodes) &&
      Array.isArray(flow.edges) &&
      typeof flow.name === "string";
    if (entry?.flowId !== flowId || typeof entry.baseRevision !== "number" || !looksLikeFlow) {
      return null;
    }
    return entry as JournalEntry;
  } catch {
    return null;
  }
}

/**
 * The flow to open: the stored record, or the journal's edit saved over it when that edit
 * never reached storage (same base revision, different content). A journal older than the
 * stored flow was saved since (here or in another tab) and is dropped.
 */
export async function replayJournal(
  storage: KeyValueStorage | null,
  record: FlowRecord,
  save: (flowId: FlowId, flow: Flow, expectedRevision: number) => Promise<FlowRecord>,
): Promise<FlowRecord> {
  const entry = readJournal(storage, record.id);
  if (!entry) return record;
  const unsaved =
    entry.baseRevision === record.revision &&
    JSON.stringify(entry.flow) !== JSON.stringify(record.flow);
  if (!unsaved) {
    clearJournal(storage, record.id);
    return record;
  }
  try {
    const saved = await save(record.id, entry.flow, record.revision);
    clearJournal(storage, record.id);
    return saved;
  } catch {
    // Kept for the next load: the flow opens as stored rather than not at all.
    return record;
  }
}
