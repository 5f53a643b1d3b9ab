import { type Clock, systemClock } from "./clock";
import { ConversationRepository } from "./conversationRepository";
import type { StudioDatabase } from "./dbSchema";
import { FlowMemoryRepository } from "./flowMemoryHeads";
import { FlowRepository } from "./flowRepository";
import { lazySaver, type StudioSaver } from "./lazySaver";
import { lazyMemoryEdits, type MemoryEdits } from "./messageEdits";
import { MessageRepository } from "./messageRepository";
import { type OpenDatabaseOptions, openDatabase } from "./openDatabase";
import { RunRepository } from "./runRepository";
import { SettingsRepository } from "./settingsRepository";

/** Everything the app persists, over one open connection. */
export interface StudioStorage {
  readonly db: StudioDatabase;
  readonly saver: StudioSaver;
  readonly flows: FlowRepository;
  readonly conversations: ConversationRepository;
  readonly runs: RunRepository;
  readonly messages: MessageRepository;
  readonly settings: SettingsRepository;
  /** The heads of flow-scoped memories (shared by every conversation of a flow). */
  readonly flowMemory: FlowMemoryRepository;
  /** Edits, deletes and pins of memory messages: new versions, never rewritten. */
  readonly memoryEdits: MemoryEdits;
  /** Closes the connection; every later call fails. Tests close before reopening. */
  close(): void;
}

export function createStudioStorage(db: StudioDatabase, now: Clock = systemClock): StudioStorage {
  return {
    db,
    saver: lazySaver(db, now),
    flows: new FlowRepository(db, now),
    conversations: new ConversationRepository(db, now),
    runs: new RunRepository(db),
    messages: new MessageRepository(db),
    settings: new SettingsRepository(db),
    flowMemory: new FlowMemoryRepository(db),
    memoryEdits: lazyMemoryEdits(db, now),
    close: () => db.close(),
  };
}

export async function openStudioStorage(
  options: OpenDatabaseOptions & { now?: Clock } = {},
): Promise<StudioStorage> {
  return createStudioStorage(await openDatabase(options), options.now);
}
