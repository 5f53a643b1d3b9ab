import { create } from "zustand";
import type { StudioState } from "../../store/studioStore";
import type { FlowImport, ImportFile } from "./readImportFile";

/** The studio store's actions an import ends in. */
export type ImportActions = Pick<
  StudioState,
  "importFlow" | "importFlowWithConversations" | "restoreBackup"
>;

export interface FlowImportState {
  /** The file being previewed or refused; null when no import dialog is open. */
  current: FlowImport | null;
  /** Saving the previewed flow or backup. */
  busy: boolean;
  /** Why the last Import did not go through, in words. */
  problem: string | null;
  /** Reads a chosen or dropped file and shows what it holds, or why not. Saves nothing. */
  open(file: ImportFile): Promise<void>;
  /**
   * Saves what is previewed through the studio store: a flow as a new flow (with the
   * conversations it carries), or a backup beside what is there. False when it could not.
   */
  confirm(actions: ImportActions): Promise<boolean>;
  dismiss(): void;
}

// The reader pulls in the format module (schema, migrations): loaded on the first import only.
const loadReader = () => import("./importReader");

/** The dialog that previews a file, or says why it cannot be imported: also first needed then. */
export const loadImportDialog = () => import("./ImportDialog");

/**
 * Loads the reader and the dialog ahead of time, when an import becomes likely (the Flows menu opens, a file is
 * dragged over the canvas), so the first preview does not wait for it. A failure here is
 * ignored: the import itself loads it again and reports what goes wrong.
 */
export function preloadImport(): void {
  loadReader().catch(() => {});
  loadImportDialog().catch(() => {});
}

/** Counts opens, so a file that finishes reading after a newer one never replaces it. */
let latest = 0;

export const useFlowImport = create<FlowImportState>()((set, get) => ({
  current: null,
  busy: false,
  problem: null,

  async open(file) {
    const mine = ++latest;
    // The dialog's code arrives while the file is read, so the preview shows as soon as it is.
    void loadImportDialog().catch(() => {});
    const { readImportFileOffThread } = await loadReader();
    const current = await readImportFileOffThread(file);
    if (mine === latest) set({ current, busy: false, problem: null });
  },

  async confirm(actions) {
    const { current, busy } = get();
    if (!current || current.kind === "refused" || busy) return false;
    set({ busy: true, problem: null });
    const what = current.kind === "backup" ? "restore the backup" : "import the flow";
    try {
      let done: unknown;
      if (current.kind === "backup") done = await actions.restoreBackup(current.backup);
      else if (current.conversations) {
        done = await actions.importFlowWithConversations(
          current.flow,
          current.conversations.records,
        );
      } else done = await actions.importFlow(current.flow, { owned: true });
      if (done === null) {
        set({ busy: false, problem: `A run is in progress: stop it, then ${what.split(" ")[0]}.` });
        return false;
      }
      set({ current: null, busy: false });
      return true;
    } catch (error) {
      // The restore is one transaction: when it fails, nothing of it was saved.
      const why = error instanceof Error ? error.message : String(error);
      const unchanged = current.kind === "backup" ? " Nothing was restored." : "";
      set({ busy: false, problem: `Could not ${what}: ${why}${unchanged}` });
      return false;
    }
  },

  dismiss() {
    // A file still being read is dropped too: closing means "not this one".
    latest++;
    set({ current: null, busy: false, problem: null });
  },
}));
