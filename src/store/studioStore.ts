import { create } from "zustand";
import type { Flow, LlmConfig, ProviderName } from "../engine/flow";
import type { ConversationId, FlowId, NodeId, RunId } from "../engine/ids";
import { newId, flowId as toFlowId } from "../engine/ids";
import { outputStreamSource } from "../engine/outputStream";
import type { ProviderCredentials } from "../engine/provider";
import { createProviderResolver } from "../engine/providerRegistry";
import { FlowValidationError, runFlow } from "../engine/runFlow";
import { chatWithMemoryFlow } from "../engine/starterFlows";
import type { FlowProblem } from "../engine/validateFlow";
import { validateFlow } from "../engine/validateFlow";
import type { StudioStorage } from "../storage/studioStorage";
import { openStudioStorage } from "../storage/studioStorage";
import type { ChatTurn } from "./chatTurns";
import { turnFromRun } from "./chatTurns";

/** Settings keys. Do not change without a migration: they live in users' browsers. */
const LAST_FLOW_KEY = "lastFlowId";
const CREDENTIALS_KEY = "providerCredentials";

const providers = createProviderResolver({ pageOrigin: window.location.origin });

export interface StudioState {
  status: "loading" | "ready" | "failed";
  loadError?: string;
  storage: StudioStorage | null;
  flowId: FlowId | null;
  flowRevision: number;
  flow: Flow | null;
  problems: FlowProblem[];
  conversationId: ConversationId | null;
  headRunId: RunId | null;
  turns: ChatTurn[];
  running: AbortController | null;
  credentials: ProviderCredentials;

  init(): Promise<void>;
  send(text: string): Promise<void>;
  stop(): void;
  newConversation(): void;
  updateLlm(nodeId: NodeId, patch: Partial<LlmConfig>): Promise<void>;
  setApiKey(provider: ProviderName, apiKey: string): Promise<void>;
}

export const useStudio = create<StudioState>()((set, get) => {
  let initializing: Promise<void> | null = null;
  const load = async () => {
    try {
      const storage = await openStudioStorage({
        onVersionChange: () =>
          set({
            status: "failed",
            loadError: "LLM Flow Studio was updated in another tab: reload this page.",
          }),
      });
      const lastId = (await storage.settings.get(LAST_FLOW_KEY)) as FlowId | undefined;
      let record = lastId ? await storage.flows.get(lastId) : undefined;
      if (!record) {
        record = await storage.flows.save(toFlowId(newId<"FlowId">()), chatWithMemoryFlow());
        await storage.settings.put(LAST_FLOW_KEY, record.id);
      }
      const credentials = ((await storage.settings.get(CREDENTIALS_KEY)) ??
        {}) as ProviderCredentials;
      // Continue the most recent conversation, as a state saver does after a reload.
      const [conversation] = await storage.conversations.listByFlow(record.id);
      const path = conversation ? await storage.runs.runPath(conversation.headRunId) : [];
      set({
        status: "ready",
        storage,
        flowId: record.id,
        flowRevision: record.revision,
        flow: record.flow,
        problems: validateFlow(record.flow),
        conversationId: conversation?.id ?? null,
        headRunId: conversation?.headRunId ?? null,
        turns: path.map(turnFromRun),
        credentials,
      });
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
    flowId: null,
    flowRevision: 0,
    flow: null,
    problems: [],
    conversationId: null,
    headRunId: null,
    turns: [],
    running: null,
    credentials: {},

    init() {
      // React's StrictMode runs effects twice in development: open storage once, not twice
      // (two concurrent first visits would each create a starter flow).
      initializing ??= load();
      return initializing;
    },

    async send(text) {
      const { storage, flow, flowId, running } = get();
      if (!storage || !flow || !flowId || running || text.trim() === "") return;
      const controller = new AbortController();
      const turn: ChatTurn = { input: text, outputs: {}, status: "running", memoryNotes: [] };
      set({ running: controller, turns: [...get().turns, turn] });
      const update = (patch: Partial<ChatTurn>) =>
        set((s) => ({
          turns: s.turns.map((t, i) => (i === s.turns.length - 1 ? { ...t, ...patch } : t)),
        }));

      try {
        let conversationId = get().conversationId;
        if (!conversationId) {
          conversationId = (await storage.conversations.create({ flowId })).id;
          set({ conversationId });
        }
        const streamed = new Map<NodeId, NodeId[]>();
        for (const node of flow.nodes) {
          const source = node.type === "output" ? outputStreamSource(flow, node.id) : null;
          if (source) streamed.set(source, [...(streamed.get(source) ?? []), node.id]);
        }
        const events = runFlow({
          flow,
          flowId,
          flowRevision: get().flowRevision,
          input: text,
          conversationId,
          parentRunId: get().headRunId,
          saver: storage.saver,
          providers,
          credentials: get().credentials,
          signal: controller.signal,
        });
        const live: Record<string, string> = {};
        for await (const event of events) {
          if (event.type === "run-started") update({ runId: event.runId });
          if (event.type === "token") {
            for (const outputId of streamed.get(event.nodeId) ?? [])
              live[outputId] = (live[outputId] ?? "") + event.text;
            update({ outputs: { ...live } });
          }
          if (event.type === "run-finished") {
            set({ headRunId: event.snapshot.id });
            update(turnFromRun(event.snapshot));
          }
        }
      } catch (error) {
        const message =
          error instanceof FlowValidationError
            ? error.message
            : `Something went wrong: ${messageOf(error)}`;
        update({
          status: "error",
          error: {
            kind: error instanceof FlowValidationError ? "validation" : "internal",
            message,
          },
        });
      } finally {
        set({ running: null });
      }
    },

    stop() {
      get().running?.abort();
    },

    newConversation() {
      if (get().running) return;
      set({ conversationId: null, headRunId: null, turns: [] });
    },

    async updateLlm(nodeId, patch) {
      const { storage, flow, flowId } = get();
      if (!storage || !flow || !flowId) return;
      const next: Flow = {
        ...flow,
        nodes: flow.nodes.map((n) =>
          n.id === nodeId && n.type === "llm" ? { ...n, config: { ...n.config, ...patch } } : n,
        ),
      };
      set({ flow: next, problems: validateFlow(next) });
      const record = await storage.flows.save(flowId, next);
      set({ flowRevision: record.revision });
    },

    async setApiKey(provider, apiKey) {
      const { storage, credentials } = get();
      const next: ProviderCredentials = {
        ...credentials,
        [provider]: { ...credentials[provider], apiKey },
      };
      set({ credentials: next });
      await storage?.settings.put(CREDENTIALS_KEY, next);
    },
  };
});

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
