import { create } from "zustand";
import type { Flow } from "../engine/flow";
import type { ConversationId, FlowId, NodeId, RunId } from "../engine/ids";
import { memoryId, newId } from "../engine/ids";
import { outputStreamSource } from "../engine/outputStream";
import { createProviderResolver } from "../engine/providerRegistry";
import { FlowValidationError, runFlow } from "../engine/runFlow";
import type { RunSnapshot } from "../engine/runSnapshot";
import { STARTER_FLOWS, type StarterFlowId } from "../engine/starterFlows";
import { conversationTitle } from "../storage/conversationTitle";
import type { ConversationRecord, FlowRecord } from "../storage/dbSchema";
import type { StudioStorage } from "../storage/studioStorage";
import { openStudioStorage } from "../storage/studioStorage";
import { startAutosave } from "./autosave";
import type { ChatTurn } from "./chatTurns";
import { turnFromRun } from "./chatTurns";
import { buildTree, latestLeaf, pathTo, siblingsOf } from "./conversationTree";
import { type CredentialsState, createCredentialsSlice, loadCredentials } from "./credentialsStore";
import { CONFLICT_NOTICE, saveOpenFlow } from "./flowSaver";
import { useFlowStore } from "./flowStore";
import { SETTINGS } from "./settingsKeys";
import { asTheme, asViewport } from "./settingsValues";

export type Theme = "system" | "light" | "dark";

export interface FlowSummary {
  id: FlowId;
  name: string;
  updatedAt: number;
}

const providers = createProviderResolver({ pageOrigin: window.location.origin });

export interface StudioState extends CredentialsState {
  status: "loading" | "ready" | "failed";
  loadError?: string;
  storage: StudioStorage | null;
  /** Every saved flow, most recently saved first. */
  flows: FlowSummary[];
  /** The open flow's conversations, most recently active first. */
  conversations: ConversationRecord[];
  conversationId: ConversationId | null;
  /** Every run of the open conversation, all branches. */
  runs: RunSnapshot[];
  /** The newest run of the branch on screen; the next message continues it. */
  headRunId: RunId | null;
  /** The branch on screen, as the chat shows it (plus the run in progress). */
  turns: ChatTurn[];
  /** Memories to start empty in the next run (recorded in it; history stays). */
  pendingClears: string[];
  /** The run open in the run inspector, and the one it is compared with. */
  inspectedRunId: RunId | null;
  comparedRunId: RunId | null;
  running: AbortController | null;
  theme: Theme;

  init(): Promise<void>;
  openFlow(id: FlowId): Promise<void>;
  createFlow(starter: StarterFlowId): Promise<FlowId | null>;
  renameFlow(id: FlowId, name: string): Promise<void>;
  duplicateFlow(id: FlowId): Promise<FlowId | null>;
  /**
   * Saves an imported flow as a NEW flow (never over an existing one; the name gets a suffix
   * where it clashes) and opens it, ready to chat.
   */
  importFlow(flow: Flow): Promise<FlowId | null>;
  /** Deletes the flow with its conversations; opens another (or a new starter) if it was open. */
  deleteFlow(id: FlowId): Promise<void>;
  refreshFlows(): Promise<void>;
  /** Sends a message; `parentRunId` continues from an earlier run instead (a new branch). */
  send(text: string, options?: { parentRunId?: RunId | null }): Promise<void>;
  /** Sends an edited version of the message at `turnIndex`: a branch from the run before it. */
  editMessage(turnIndex: number, text: string): Promise<void>;
  /** Asks again for the reply at `turnIndex` (also the Retry after an error). */
  regenerate(turnIndex: number): Promise<void>;
  /** Shows another alternative at `turnIndex` and continues from the newest message of it. */
  switchBranch(turnIndex: number, runId: RunId): Promise<void>;
  stop(): void;
  newConversation(): void;
  openConversation(id: ConversationId): Promise<void>;
  renameConversation(id: ConversationId, title: string): Promise<void>;
  deleteConversation(id: ConversationId): Promise<void>;
  /** Empties a memory for the next message; earlier runs still show what they received. */
  clearMemory(memoryId: string): void;
  inspectRun(runId: RunId | null): void;
  compareRun(runId: RunId | null): void;
  setTheme(theme: Theme): Promise<void>;
}

/**
 * The theme is mirrored in localStorage so index.html can apply it before the first paint
 * (IndexedDB answers too late to avoid a flash of the wrong theme). Do not change the key.
 */
export const THEME_MIRROR_KEY = "llm-flow-studio.theme";

function mirroredTheme(): Theme {
  try {
    const value = localStorage.getItem(THEME_MIRROR_KEY);
    return value === "light" || value === "dark" ? value : "system";
  } catch {
    // Storage can be disabled (some privacy modes): the system theme is a fine default.
    return "system";
  }
}

const summary = (r: FlowRecord): FlowSummary => ({
  id: r.id,
  name: r.flow.name,
  updatedAt: r.updatedAt,
});

/** "Chat with memory" → "Chat with memory (2)" when the name is taken. */
function freeName(name: string, flows: readonly FlowSummary[]): string {
  const taken = new Set(flows.map((f) => f.name));
  if (!taken.has(name)) return name;
  const stem = name.replace(/ \(\d+\)$/, "");
  for (let i = 2; ; i++) if (!taken.has(`${stem} (${i})`)) return `${stem} (${i})`;
}

export const useStudio = create<StudioState>()((set, get) => {
  let initializing: Promise<void> | null = null;

  const requireStorage = () => {
    const { storage } = get();
    if (!storage) throw new Error("Storage is not open yet.");
    return storage;
  };

  /** Loads a flow into the editor and its most recent conversation into the chat. */
  const show = async (storage: StudioStorage, record: FlowRecord) => {
    const viewport = asViewport(await storage.settings.get(SETTINGS.viewport(record.id)));
    const conversations = await storage.conversations.listByFlow(record.id);
    await storage.settings.put(SETTINGS.lastFlowId, record.id);
    useFlowStore.getState().open(record.id, record.flow, viewport ?? null, record.revision);
    set({ conversations });
    // Continue the most recent conversation, as a state saver does after a reload.
    await showConversation(storage, conversations[0] ?? null);
  };

  /** Puts a conversation (or a new, empty one) on screen with all its branches. */
  const showConversation = async (
    storage: StudioStorage,
    conversation: ConversationRecord | null,
  ) => {
    const runs = conversation ? await storage.runs.listByConversation(conversation.id) : [];
    set({
      conversationId: conversation?.id ?? null,
      runs,
      headRunId: conversation?.headRunId ?? null,
      pendingClears: [],
      inspectedRunId: null,
      comparedRunId: null,
    });
    set({ turns: turnsOf(runs, get().headRunId) });
  };

  const refreshConversations = async () => {
    const flowId = useFlowStore.getState().flowId;
    if (flowId) set({ conversations: await requireStorage().conversations.listByFlow(flowId) });
  };

  const create = async (flow: Flow): Promise<FlowRecord> => {
    const storage = requireStorage();
    const record = await storage.flows.save(newId<"FlowId">(), {
      ...flow,
      name: freeName(flow.name, get().flows),
    });
    await get().refreshFlows();
    return record;
  };

  const load = async () => {
    try {
      const storage = await openStudioStorage({
        onVersionChange: () =>
          set({
            status: "failed",
            loadError: "LLM Flow Studio was updated in another tab: reload this page.",
          }),
      });
      set({
        storage,
        ...(await loadCredentials(storage.settings)),
        theme: asTheme(await storage.settings.get(SETTINGS.theme)) ?? mirroredTheme(),
      });
      const saved = await storage.settings.get(SETTINGS.lastFlowId);
      const lastId = typeof saved === "string" ? (saved as FlowId) : undefined;
      let record = lastId ? await storage.flows.get(lastId) : undefined;
      await get().refreshFlows();
      // A first visit lands on a ready "Chat with memory" flow on the offline echo provider.
      record ??=
        (await storage.flows.list())[0] ?? (await create(STARTER_FLOWS.chatWithMemory.build()));
      await show(storage, record);
      startAutosave(storage, () => void get().refreshFlows());
      set({ status: "ready" });
    } catch (error) {
      set({
        status: "failed",
        loadError: `Could not open this browser's storage: ${messageOf(error)}`,
      });
    }
  };

  return {
    status: "loading",
    storage: null,
    flows: [],
    conversations: [],
    conversationId: null,
    runs: [],
    headRunId: null,
    turns: [],
    pendingClears: [],
    inspectedRunId: null,
    comparedRunId: null,
    running: null,
    ...createCredentialsSlice(set, get),
    theme: mirroredTheme(),

    init() {
      // React's StrictMode runs effects twice in development: open storage once, not twice
      // (two concurrent first visits would each create a starter flow).
      initializing ??= load();
      return initializing;
    },

    async refreshFlows() {
      const records = await requireStorage().flows.list();
      set({ flows: records.map(summary) });
    },

    async openFlow(id) {
      if (get().running) return;
      const storage = requireStorage();
      const record = await storage.flows.get(id);
      if (record) await show(storage, record);
    },

    async createFlow(starter) {
      if (get().running) return null;
      const record = await create(STARTER_FLOWS[starter].build());
      await show(requireStorage(), record);
      return record.id;
    },

    async renameFlow(id, name) {
      const trimmed = name.trim();
      if (trimmed === "") return;
      const storage = requireStorage();
      const editor = useFlowStore.getState();
      if (editor.flowId === id && editor.flow) {
        editor.setName(trimmed);
        // Saved now, not on the autosave's delay: a rename is often followed by a reload.
        await saveOpenFlow(storage);
      } else {
        const record = await storage.flows.get(id);
        if (record) await storage.flows.save(id, { ...record.flow, name: trimmed });
      }
      await get().refreshFlows();
    },

    async duplicateFlow(id) {
      if (get().running) return null;
      const storage = requireStorage();
      const open = useFlowStore.getState();
      const source = open.flowId === id ? open.flow : (await storage.flows.get(id))?.flow;
      if (!source) return null;
      const record = await create(structuredClone({ ...source, name: `${source.name} (copy)` }));
      await show(storage, record);
      return record.id;
    },

    async importFlow(flow) {
      if (get().running) return null;
      const record = await create(structuredClone(flow));
      await show(requireStorage(), record);
      return record.id;
    },

    async deleteFlow(id) {
      if (get().running) return;
      const storage = requireStorage();
      await storage.flows.delete(id);
      await storage.settings.delete(SETTINGS.viewport(id));
      await get().refreshFlows();
      if (useFlowStore.getState().flowId !== id) return;
      const next =
        (await storage.flows.list())[0] ?? (await create(STARTER_FLOWS.chatWithMemory.build()));
      await show(storage, next);
    },

    async send(text, options = {}) {
      const { storage, running } = get();
      const { flow, flowId } = useFlowStore.getState();
      if (!storage || !flow || !flowId || running || text.trim() === "") return;
      const parentRunId = options.parentRunId === undefined ? get().headRunId : options.parentRunId;
      const controller = new AbortController();
      const turn: ChatTurn = {
        input: text,
        outputs: {},
        status: "running",
        memoryNotes: [],
        parentRunId,
      };
      // On screen: the branch up to the parent, then the message in progress.
      set({ running: controller, turns: [...turnsOf(get().runs, parentRunId), turn] });
      const update = (patch: Partial<ChatTurn>) =>
        set((s) => ({
          turns: s.turns.map((t, i) => (i === s.turns.length - 1 ? { ...t, ...patch } : t)),
        }));

      try {
        // The run records the flow revision it ran: save pending edits first.
        const record = await saveOpenFlow(storage);
        if (!record) throw new Error(CONFLICT_NOTICE);
        let conversationId = get().conversationId;
        if (!conversationId) {
          conversationId = (
            await storage.conversations.create({ flowId, title: conversationTitle(text) })
          ).id;
          set({ conversationId });
        }
        const streamed = new Map<NodeId, NodeId[]>();
        for (const node of flow.nodes) {
          const source = node.type === "output" ? outputStreamSource(flow, node.id) : null;
          if (source) streamed.set(source, [...(streamed.get(source) ?? []), node.id]);
        }
        const clears = get().pendingClears;
        const events = runFlow({
          flow,
          flowId,
          flowRevision: record.revision,
          input: text,
          conversationId,
          parentRunId,
          saver: storage.saver,
          providers,
          credentials: get().credentials,
          signal: controller.signal,
          ...(clears.length > 0 && { clearMemories: clears.map(memoryId) }),
        });
        const live: Record<string, string> = {};
        for await (const event of events) {
          if (event.type === "run-started") update({ runId: event.runId });
          if (event.type === "token") {
            for (const outputId of streamed.get(event.nodeId) ?? []) {
              live[outputId] = (live[outputId] ?? "") + event.text;
            }
            update({ outputs: { ...live } });
          }
          if (event.type === "run-finished") {
            const runs = [...get().runs, event.snapshot];
            set({
              runs,
              headRunId: event.snapshot.id,
              pendingClears: [],
              turns: turnsOf(runs, event.snapshot.id),
            });
          }
        }
        await refreshConversations();
      } catch (error) {
        const invalid = error instanceof FlowValidationError;
        const message = invalid ? error.message : `Something went wrong: ${messageOf(error)}`;
        update({ status: "error", error: { kind: invalid ? "validation" : "internal", message } });
      } finally {
        set({ running: null });
      }
    },

    editMessage(turnIndex, text) {
      return get().send(text, { parentRunId: get().turns[turnIndex]?.parentRunId ?? null });
    },

    regenerate(turnIndex) {
      const turn = get().turns[turnIndex];
      return turn ? get().send(turn.input, { parentRunId: turn.parentRunId }) : Promise.resolve();
    },

    async switchBranch(turnIndex, runId) {
      const { storage, conversationId, running, turns } = get();
      if (!storage || !conversationId || running || !turns[turnIndex]) return;
      const tree = buildTree(get().runs);
      const head = latestLeaf(tree, runId);
      await storage.conversations.setHeadRun(conversationId, head);
      set({ headRunId: head, turns: turnsOf(get().runs, head) });
    },

    stop() {
      get().running?.abort();
    },

    newConversation() {
      if (get().running) return;
      set({
        conversationId: null,
        runs: [],
        headRunId: null,
        turns: [],
        pendingClears: [],
        inspectedRunId: null,
        comparedRunId: null,
      });
    },

    async openConversation(id) {
      if (get().running) return;
      const storage = requireStorage();
      await showConversation(storage, (await storage.conversations.get(id)) ?? null);
    },

    async renameConversation(id, title) {
      const trimmed = title.trim();
      if (trimmed === "") return;
      await requireStorage().conversations.rename(id, trimmed);
      await refreshConversations();
    },

    async deleteConversation(id) {
      if (get().running) return;
      const storage = requireStorage();
      await storage.conversations.delete(id);
      await refreshConversations();
      if (get().conversationId === id) get().newConversation();
    },

    clearMemory(id) {
      if (!get().pendingClears.includes(id)) set({ pendingClears: [...get().pendingClears, id] });
    },

    inspectRun: (runId) =>
      set({ inspectedRunId: runId, ...(runId === null && { comparedRunId: null }) }),
    compareRun: (runId) => set({ comparedRunId: runId }),

    async setTheme(theme) {
      set({ theme });
      try {
        localStorage.setItem(THEME_MIRROR_KEY, theme);
      } catch {
        // Without localStorage the theme still applies; it may flash on the next load.
      }
      await get().storage?.settings.put(SETTINGS.theme, theme);
    },
  };
});

/** The branch ending at `head` as chat turns, each knowing its alternatives. */
function turnsOf(runs: readonly RunSnapshot[], head: RunId | null): ChatTurn[] {
  const tree = buildTree(runs);
  return pathTo(tree, head).map((run) => turnFromRun(run, siblingsOf(tree, run.id)));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
