import type { Flow } from "../engine/flow";
import type { FlowId } from "../engine/ids";
import { newId } from "../engine/ids";
import type { FlowTemplateId } from "../engine/starterFlows";
import type { FlowRecord } from "../storage/dbSchema";
import { showConversation } from "./chatSessionSlice";
import { clearJournal, replayJournal } from "./editJournal";
import { SETTINGS } from "./settingsKeys";
import { asViewport } from "./settingsValues";
import type { SliceContext } from "./sliceContext";

export interface FlowSummary {
  id: FlowId;
  name: string;
  updatedAt: number;
}

/** The saved flows, and opening one into the editor (with its latest conversation). */
export interface FlowLibraryState {
  /** Every saved flow, most recently saved first. */
  flows: FlowSummary[];
  /** A flow is being opened into the editor and the chat: a message waits for it. */
  openingFlow: boolean;
  openFlow(id: FlowId): Promise<void>;
  createFlow(starter: FlowTemplateId): Promise<FlowId | null>;
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
}

const summary = (r: FlowRecord): FlowSummary => ({
  id: r.id,
  name: r.flow.name,
  updatedAt: r.updatedAt,
});

/** "Chat with memory" → "Chat with memory (2)" when the name is taken. */
export function freeName(name: string, flows: readonly FlowSummary[]): string {
  const taken = new Set(flows.map((f) => f.name));
  if (!taken.has(name)) return name;
  const stem = name.replace(/ \(\d+\)$/, "");
  for (let i = 2; ; i++) if (!taken.has(`${stem} (${i})`)) return `${stem} (${i})`;
}

/** Saves `flow` as a new flow, its name made unique. */
export async function createFlowRecord(ctx: SliceContext, flow: Flow): Promise<FlowRecord> {
  const record = await ctx.storage().flows.save(newId<"FlowId">(), {
    ...flow,
    name: freeName(flow.name, ctx.get().flows),
  });
  await ctx.get().refreshFlows();
  return record;
}

/** A starter flow, built fresh. The templates load only when one is needed (not on a reopen). */
async function starterFlow(id: FlowTemplateId): Promise<Flow> {
  const { FLOW_TEMPLATES } = await import("../engine/starterFlows");
  return FLOW_TEMPLATES[id].build();
}

/** The flow to land on when none is chosen: the newest, or a new "Chat with memory". */
export async function anyFlow(ctx: SliceContext): Promise<FlowRecord> {
  return (
    (await ctx.storage().flows.list())[0] ??
    (await createFlowRecord(ctx, await starterFlow("chatWithMemory")))
  );
}

/**
 * Loads a flow into the editor (with an edit a reload cut off before it was saved, see
 * editJournal.ts) and into the chat the conversation that was open in it, on its branch; the
 * most recent one the first time.
 */
export async function showFlow(ctx: SliceContext, stored: FlowRecord): Promise<void> {
  ctx.set({ openingFlow: true });
  try {
    const storage = ctx.storage();
    const record = await replayJournal(ctx.browser.localStorage, stored, (id, flow, revision) =>
      storage.flows.save(id, flow, revision),
    );
    const viewport = asViewport(await storage.settings.get(SETTINGS.viewport(record.id)));
    const conversations = await storage.conversations.listByFlow(record.id);
    const wasOpen = await storage.settings.get(SETTINGS.openConversation(record.id));
    await storage.settings.put(SETTINGS.lastFlowId, record.id);
    ctx.editor.getState().open(record.id, record.flow, viewport ?? null, record.revision);
    ctx.set({ conversations });
    // null: the user had started a new conversation; unknown or deleted: the most recent.
    const open =
      wasOpen === null ? null : (conversations.find((c) => c.id === wasOpen) ?? conversations[0]);
    await showConversation(ctx, open ?? null);
  } finally {
    ctx.set({ openingFlow: false });
  }
}

export function createFlowLibrarySlice(ctx: SliceContext): FlowLibraryState {
  const { get, editor } = ctx;
  /** Saves `flow` as a new flow and opens it; null while a run is in progress. */
  const createAndShow = async (flow: Flow): Promise<FlowId | null> => {
    if (get().running) return null;
    // From the first write on: a message sent meanwhile would run in the flow being left.
    ctx.set({ openingFlow: true });
    try {
      const record = await createFlowRecord(ctx, flow);
      await showFlow(ctx, record);
      return record.id;
    } finally {
      ctx.set({ openingFlow: false });
    }
  };

  return {
    flows: [],
    openingFlow: false,

    async refreshFlows() {
      const records = await ctx.storage().flows.list();
      ctx.set({ flows: records.map(summary) });
    },

    async openFlow(id) {
      if (get().running) return;
      ctx.set({ openingFlow: true });
      try {
        const record = await ctx.storage().flows.get(id);
        if (record) await showFlow(ctx, record);
      } finally {
        ctx.set({ openingFlow: false });
      }
    },

    createFlow: async (starter) => createAndShow(await starterFlow(starter)),

    async renameFlow(id, name) {
      const trimmed = name.trim();
      if (trimmed === "") return;
      const storage = ctx.storage();
      const open = editor.getState();
      if (open.flowId === id && open.flow) {
        open.setName(trimmed);
        // Saved now, not on the autosave's delay: a rename is often followed by a reload.
        await ctx.flowSaver().saveOpenFlow();
      } else {
        const record = await storage.flows.get(id);
        if (record) await storage.flows.save(id, { ...record.flow, name: trimmed });
      }
      await get().refreshFlows();
    },

    async duplicateFlow(id) {
      if (get().running) return null;
      const open = editor.getState();
      const source = open.flowId === id ? open.flow : (await ctx.storage().flows.get(id))?.flow;
      if (!source) return null;
      return createAndShow(structuredClone({ ...source, name: `${source.name} (copy)` }));
    },

    importFlow: (flow) => createAndShow(structuredClone(flow)),

    async deleteFlow(id) {
      if (get().running) return;
      const storage = ctx.storage();
      await storage.flows.delete(id);
      await storage.settings.delete(SETTINGS.viewport(id));
      await storage.settings.delete(SETTINGS.openConversation(id));
      clearJournal(ctx.browser.localStorage, id);
      await get().refreshFlows();
      if (editor.getState().flowId === id) await showFlow(ctx, await anyFlow(ctx));
    },
  };
}
