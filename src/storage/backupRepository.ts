import type { IDBPTransaction, StoreNames } from "idb";
import type { FlowId } from "../engine/ids";
import { readEdit } from "../engine/messageEdits";
import type { MemoryMessage } from "../engine/messages";
import type { BackupData, BackupFlowRecord, BackupViewport } from "./backupData";
import { type RemappedBackup, remapBackup, type TakenIds } from "./backupRemap";
import { STORE, type StudioDatabase, type StudioDBSchema } from "./dbSchema";
import { flowMemoryHeadsKey, readHeads } from "./flowMemoryHeads";
import { allEditsRange, editKey } from "./messageEdits";
import { fromStored, storedName, toStored } from "./storedFlow";
import { inTransaction } from "./transaction";

/** The settings keys a backup reads and writes (the store owns their names). */
export interface BackupSettingsKeys {
  theme: string;
  viewport(id: FlowId): string;
}

/** What a restore did, or would do: the records it adds, the flows renamed, the ids changed. */
export interface RestoreOutcome {
  /** The flows as added, in the backup's order (new ids and names where they clashed). */
  flows: { id: FlowId; name: string }[];
  renames: RemappedBackup["renames"];
  newIds: number;
  counts: { flows: number; conversations: number; runs: number; memoryMessages: number };
  /** The backup's theme was set, this database having none. */
  themeRestored: boolean;
}

const ALL_STORES = [
  STORE.flows,
  STORE.conversations,
  STORE.runs,
  STORE.memoryMessages,
  STORE.settings,
] as const;

type Tx<Mode extends IDBTransactionMode> = IDBPTransaction<
  StudioDBSchema,
  ArrayLike<StoreNames<StudioDBSchema>>,
  Mode
>;

/**
 * Adds are issued this many at a time, each batch awaited before the next: the transaction
 * stays open (every batch starts from the callback of the one before), and the page gets to
 * draw between batches instead of cloning thousands of records in one go.
 */
const BATCH = 500;

/** Whole-database reads and writes for backups: each in ONE transaction, all or nothing. */
export class BackupRepository {
  constructor(
    private readonly db: StudioDatabase,
    private readonly keys: BackupSettingsKeys,
  ) {}

  /** Everything but secrets, read in one transaction so the parts agree with each other. */
  async readAll(): Promise<BackupData> {
    const tx = this.db.transaction(ALL_STORES, "readonly");
    return inTransaction(tx, async () => {
      const [flows, conversations, runs, memoryMessages, theme] = await Promise.all([
        tx.objectStore(STORE.flows).getAll(),
        tx.objectStore(STORE.conversations).getAll(),
        tx.objectStore(STORE.runs).getAll(),
        tx.objectStore(STORE.memoryMessages).getAll(),
        tx.objectStore(STORE.settings).get(this.keys.theme),
      ]);
      const settings = tx.objectStore(STORE.settings);
      const [viewports, heads, edits] = await Promise.all([
        Promise.all(flows.map((f) => settings.get(this.keys.viewport(f.id)))),
        Promise.all(flows.map((f) => settings.get(flowMemoryHeadsKey(f.id)))),
        // Key order: by memory, message and version, so each message's versions are in order.
        settings.getAll(allEditsRange()),
      ]);
      const flowMemoryHeads = flows.flatMap((f, i) =>
        heads[i] === undefined ? [] : [{ flowId: f.id, heads: { ...readHeads(heads[i]) } }],
      );
      const memoryEdits = edits.flatMap((e) => readEdit(e) ?? []);
      // In the order they happened (ties by id), so the same data gives the same file.
      return {
        flows: flows
          .map(fromStored)
          .map((record, i): BackupFlowRecord => {
            const viewport = asViewport(viewports[i]);
            return viewport ? { ...record, viewport } : { ...record };
          })
          .sort((a, b) => a.createdAt - b.createdAt || byId(a, b)),
        conversations: conversations.sort((a, b) => a.createdAt - b.createdAt || byId(a, b)),
        runs: runs.sort((a, b) => a.startedAt - b.startedAt || byId(a, b)),
        memoryMessages: memoryMessages.sort(
          (a, b) => a.createdAt - b.createdAt || a.index - b.index || byId(a, b),
        ),
        settings: typeof theme === "string" ? { theme } : {},
        flowMemoryHeads,
        memoryEdits,
      };
    });
  }

  /** What restoring `data` would do now: the preview's renames and counts. Writes nothing. */
  async planRestore(data: BackupData): Promise<RestoreOutcome> {
    const tx = this.db.transaction(ALL_STORES, "readonly");
    return inTransaction(tx, async () => {
      const remapped = remapBackup(data, await takenIds(tx, data));
      const theme = await tx.objectStore(STORE.settings).get(this.keys.theme);
      return outcome(remapped, data.settings.theme !== undefined && theme === undefined);
    });
  }

  /**
   * Adds every record of `data` in one transaction: a record whose id is taken gets a new one
   * (references follow), a flow whose name is taken gets a number. Nothing is overwritten; if
   * any write fails, none lands and the error names the record. The theme is set only where
   * none is. `fresh` makes new ids (tests pass a counter).
   */
  async restore(data: BackupData, fresh?: () => string): Promise<RestoreOutcome> {
    const tx = this.db.transaction(ALL_STORES, "readwrite");
    return inTransaction(tx, async () => {
      const remapped = remapBackup(data, await takenIds(tx, data), fresh);
      const { flows, conversations, runs, memoryMessages, settings } = remapped.data;
      await addAll(
        flows.map(({ viewport: _viewport, ...record }) => record),
        (record) => tx.objectStore(STORE.flows).add(toStored(record)),
        (record) => `flow “${record.flow.name}” (${record.id})`,
      );
      await addAll(
        conversations,
        (record) => tx.objectStore(STORE.conversations).add(record),
        (record) => `conversation “${record.title}” (${record.id})`,
      );
      await addAll(
        runs,
        (record) => tx.objectStore(STORE.runs).add(record),
        (record) => `run ${record.id}`,
      );
      await addAll(
        memoryMessages,
        (record) => tx.objectStore(STORE.memoryMessages).add(record),
        (record) => `memory message ${record.id}`,
      );
      const settingsStore = tx.objectStore(STORE.settings);
      // Flow-scoped memory heads and edit versions: settings records, added (never put) so
      // nothing already stored is overwritten.
      await addAll(
        remapped.data.flowMemoryHeads ?? [],
        (h) => settingsStore.add({ ...h.heads }, flowMemoryHeadsKey(h.flowId)),
        (h) => `the shared memories of flow ${h.flowId}`,
      );
      const messageById = new Map<string, MemoryMessage>(memoryMessages.map((m) => [m.id, m]));
      await addAll(
        remapped.data.memoryEdits ?? [],
        (e) => {
          const message = messageById.get(e.messageId);
          if (!message) throw new Error(`memory message ${e.messageId} is not in the backup`);
          return settingsStore.add(e, editKey(message, e.version));
        },
        (e) => `version ${e.version} of memory message ${e.messageId}`,
      );
      for (const flow of flows) {
        if (flow.viewport) await settingsStore.put(flow.viewport, this.keys.viewport(flow.id));
      }
      const themeRestored =
        settings.theme !== undefined && (await settingsStore.get(this.keys.theme)) === undefined;
      if (themeRestored) await settingsStore.put(settings.theme, this.keys.theme);
      return outcome(remapped, themeRestored);
    });
  }
}

function outcome(remapped: RemappedBackup, themeRestored: boolean): RestoreOutcome {
  const { data } = remapped;
  return {
    flows: data.flows.map((f) => ({ id: f.id, name: f.flow.name })),
    renames: remapped.renames,
    newIds: remapped.newIds,
    counts: {
      flows: data.flows.length,
      conversations: data.conversations.length,
      runs: data.runs.length,
      memoryMessages: data.memoryMessages.length,
    },
    themeRestored,
  };
}

/**
 * The backup's ids that the database already holds, and every flow name in it. One key
 * listing per store rather than a request per id: thousands of answers arriving in one task
 * would hold the page longer than one list of keys.
 */
async function takenIds(tx: Tx<IDBTransactionMode>, data: BackupData): Promise<TakenIds> {
  const present = async (
    store: "flows" | "conversations" | "runs" | "memoryMessages",
    ids: readonly string[],
  ): Promise<Set<string>> => {
    if (ids.length === 0) return new Set();
    const keys = new Set<string>((await tx.objectStore(store).getAllKeys()).map(String));
    return new Set(ids.filter((id) => keys.has(id)));
  };
  const [flowIds, conversationIds, runIds, messageIds, flows] = await Promise.all([
    present(
      STORE.flows,
      data.flows.map((f) => f.id),
    ),
    present(
      STORE.conversations,
      data.conversations.map((c) => c.id),
    ),
    present(
      STORE.runs,
      data.runs.map((r) => r.id),
    ),
    present(
      STORE.memoryMessages,
      data.memoryMessages.map((m) => m.id),
    ),
    tx.objectStore(STORE.flows).getAll(),
  ]);
  return {
    flowIds,
    conversationIds,
    runIds,
    messageIds,
    flowNames: new Set(flows.map(storedName)),
  };
}

/** Adds records a batch at a time; the first failure rejects, naming the record. */
async function addAll<T>(
  records: readonly T[],
  add: (record: T) => Promise<unknown>,
  label: (record: T) => string,
): Promise<void> {
  for (let start = 0; start < records.length; start += BATCH) {
    // Once one add fails the transaction aborts and every other request of the batch fails
    // too (AbortError): each is handled here, and the first real failure is the one reported.
    let failure: Error | undefined;
    const fail = (record: T) => (error: unknown) => {
      failure ??= new Error(`Could not restore ${label(record)}: ${describeError(error)}`, {
        cause: error,
      });
    };
    await Promise.all(
      records.slice(start, start + BATCH).map((record) => {
        try {
          return add(record).catch(fail(record));
        } catch (error) {
          // A record IndexedDB cannot take at all (no key, not cloneable) throws synchronously.
          fail(record)(error);
          return undefined;
        }
      }),
    );
    if (failure) throw failure;
  }
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function asViewport(value: unknown): BackupViewport | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { x, y, zoom } = value as Record<string, unknown>;
  const finite = (n: unknown): n is number => typeof n === "number" && Number.isFinite(n);
  return finite(x) && finite(y) && finite(zoom) && zoom > 0 ? { x, y, zoom } : undefined;
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
