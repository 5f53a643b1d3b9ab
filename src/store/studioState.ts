import type { BackupState } from "./backupSlice";
import type { CallSettingsState } from "./callSettingsSlice";
import type { ChatSessionState } from "./chatSessionSlice";
import type { CredentialsState } from "./credentialsStore";
import type { FlowLibraryState } from "./flowLibrarySlice";
import type { MemoryEditsState } from "./memoryEditsSlice";
import type { NodeRunState } from "./nodeRunSlice";
import type { ReplayState } from "./replaySlice";
import type { StorageHealthState } from "./storageHealthSlice";
import type { StoreReads } from "./storeReads";
import type { TabsState } from "./tabsSlice";
import type { ViewState } from "./viewSlice";

/** Opening the storage and the first flow. */
export interface LifecycleState {
  status: "loading" | "ready" | "failed";
  loadError?: string;
  /** Opens the storage and the last flow (once, however often it is called). */
  init(): Promise<void>;
  /** Stops the autosave, saving what is pending first (the storage stays open). */
  dispose(): Promise<void>;
}

/** The whole studio store: one slice per concern, each in its own file. */
export type StudioState = LifecycleState &
  FlowLibraryState &
  ChatSessionState &
  ViewState &
  CredentialsState &
  CallSettingsState &
  StoreReads &
  BackupState &
  StorageHealthState &
  TabsState &
  MemoryEditsState &
  NodeRunState &
  ReplayState;
