import { temporal } from "zundo";
import { createStore, type StoreApi, useStore } from "zustand";
import type { Flow, FlowNode, Position } from "../engine/flow";
import type { EditResult, FlowFragment } from "../engine/flowEdits";
import {
  addNode,
  addProblem,
  connect,
  fragmentOf,
  moveNodes,
  newNode,
  pasteFragment,
  removeEdges,
  removeNodes,
  renameNode,
  updateConfig,
} from "../engine/flowEdits";
import type { FlowId, NodeId, NoteId } from "../engine/ids";
import { withMemoryScope } from "../engine/memoryScope";
import { moveNotes } from "../engine/noteList";
import type { FlowState } from "./flowState";

export type { FlowState, Viewport } from "./flowState";

const PASTE_OFFSET = { x: 40, y: 40 };

const done = (flow: Flow): EditResult => ({ ok: true, flow });

/** Edits of one field closer together than this are one undo step. */
const TYPING_BURST_MS = 1000;

type FlowHistoryState = ReturnType<ReturnType<typeof createHistoryStore>["temporal"]["getState"]>;

/** The editor's store: its state, its undo history (zundo) and the history's commands. */
export type FlowStoreApi = StoreApi<FlowState> & {
  temporal: StoreApi<FlowHistoryState>;
  history: FlowHistory;
};

export interface FlowHistory {
  undo(): void;
  redo(): void;
  /** While a node is dragged: one history entry for the whole drag, not one per frame. */
  beginGesture(): void;
  endGesture(): void;
}

/** How many flows left in this session keep their undo history for when they are reopened. */
const KEPT_HISTORIES = 20;

interface KeptHistory {
  /** The flow as it was left: the history applies only if the flow reopens unchanged. */
  present: string;
  pastStates: unknown[];
  futureStates: unknown[];
}

/** The undo history of each flow left in this session, newest last (a Map keeps order). */
class KeptHistories {
  private readonly byFlow = new Map<FlowId, KeptHistory>();

  keep(flowId: FlowId, flow: Flow, history: { pastStates: unknown[]; futureStates: unknown[] }) {
    this.byFlow.delete(flowId);
    if (history.pastStates.length === 0 && history.futureStates.length === 0) return;
    this.byFlow.set(flowId, {
      present: JSON.stringify(flow),
      pastStates: history.pastStates,
      futureStates: history.futureStates,
    });
    const oldest = this.byFlow.keys().next().value;
    if (this.byFlow.size > KEPT_HISTORIES && oldest) this.byFlow.delete(oldest);
  }

  /**
   * The history `flowId` was left with, if `flow` is what it was left as: one changed since
   * (in another tab, say) would be undone into states that never followed each other.
   */
  take(flowId: FlowId, flow: Flow) {
    const kept = this.byFlow.get(flowId);
    this.byFlow.delete(flowId);
    if (!kept || kept.present !== JSON.stringify(flow)) return null;
    return { pastStates: kept.pastStates, futureStates: kept.futureStates };
  }
}

type HistoryStates = { pastStates: unknown[]; futureStates: unknown[] };

function createHistoryStore(now: () => number, onTimeTravel: { reset(): void }) {
  let lastConfigEdit = { key: "", at: 0 };
  const kept = new KeptHistories();
  onTimeTravel.reset = () => {
    lastConfigEdit = { key: "", at: 0 };
  };
  return createStore<FlowState>()(
    temporal(
      (set, get, api) => {
        const apply = (edit: (flow: Flow) => EditResult): boolean => {
          const { flow } = get();
          if (!flow) return false;
          const result = edit(flow);
          if (!result.ok) {
            set({ notice: result.reason });
            return false;
          }
          if (result.flow !== flow) set({ flow: result.flow, notice: null });
          return true;
        };
        const pasteAndSelect = (fragment: FlowFragment) => {
          let ids: NodeId[] = [];
          let noteIds: NoteId[] = [];
          apply((flow) => {
            const pasted = pasteFragment(flow, fragment, PASTE_OFFSET);
            ids = pasted.ids;
            noteIds = pasted.noteIds;
            return done(pasted.flow);
          });
          set({ selection: ids, selectedNotes: noteIds });
        };
        /** One undo step per burst of edits to one field (typing), keyed by `key`. */
        const inBurst = (key: string, edit: () => void) => {
          const at = now();
          const burst = key === lastConfigEdit.key && at - lastConfigEdit.at < TYPING_BURST_MS;
          lastConfigEdit = { key, at };
          const history = (
            api as unknown as { temporal: StoreApi<{ pause(): void; resume(): void }> }
          ).temporal.getState();
          if (burst) history.pause();
          edit();
          if (burst) history.resume();
        };

        return {
          flowId: null,
          flow: null,
          revision: 0,
          selection: [],
          selectedNotes: [],
          notice: null,
          viewport: null,
          highlightedMemory: null,
          clipboard: null,

          open(flowId, flow, viewport = null, revision = 0) {
            const history = (api as unknown as { temporal: StoreApi<HistoryStates> }).temporal;
            const left = get();
            // The flow being left keeps its undo history for when it is reopened.
            if (left.flowId && left.flow) kept.keep(left.flowId, left.flow, history.getState());
            lastConfigEdit = { key: "", at: 0 };
            set({
              flowId,
              flow,
              revision,
              viewport,
              selection: [],
              selectedNotes: [],
              notice: null,
              highlightedMemory: null,
            });
            history.setState(kept.take(flowId, flow) ?? { pastStates: [], futureStates: [] });
          },
          apply,
          addNode(kind, position) {
            let added: FlowNode | null = null;
            apply((flow) => {
              const refused = addProblem(flow, kind);
              if (refused) return { ok: false, reason: refused };
              added = newNode(flow, kind, position);
              return done(addNode(flow, added));
            });
            const id = (added as FlowNode | null)?.id ?? null;
            if (id) set({ selection: [id] });
            return id;
          },
          connect: (source, target) => apply((flow) => connect(flow, source, target)),
          removeNodes(ids) {
            if (ids.length === 0) return;
            const gone = new Set(ids);
            apply((flow) => done(removeNodes(flow, gone)));
            set({ selection: get().selection.filter((id) => !gone.has(id)) });
          },
          removeEdge: (source, target) =>
            void apply((flow) =>
              done(removeEdges(flow, (e) => e.source === source && e.target === target)),
            ),
          moveNodes: (positions, notes) =>
            void apply((flow) =>
              done(moveNotes(moveNodes(flow, positions), notes ?? new Map<NoteId, Position>())),
            ),
          updateConfig(id, patch) {
            // Typing in one field is one undo step, not one per keystroke: while the same field
            // of the same node keeps changing, the history keeps only the state before it began.
            const key = `${id}:${Object.keys(patch).sort().join(",")}`;
            inBurst(key, () => apply((flow) => done(updateConfig(flow, id, patch))));
          },
          applyTyping: (key, edit) => inBurst(key, () => apply(edit)),
          selectNotes: (ids) => set({ selectedNotes: [...ids] }),
          renameNode(from, to) {
            const { flow } = get();
            if (!flow) return { ok: false, reason: "No flow is open." };
            const result = renameNode(flow, from, to);
            if (result.ok && result.flow !== flow) {
              set({
                flow: result.flow,
                selection: get().selection.map((id) => (id === from ? (to as NodeId) : id)),
              });
            }
            return result;
          },
          setName: (name) => void apply((flow) => done({ ...flow, name })),
          setMemoryScope: (memoryId, scope) =>
            void apply((flow) => done(withMemoryScope(flow, memoryId, scope))),
          select(ids) {
            const current = get().selection;
            if (current.length === ids.length && current.every((id, i) => id === ids[i])) return;
            set({ selection: [...ids] });
          },
          selectAll: () =>
            set({
              selection: get().flow?.nodes.map((n) => n.id) ?? [],
              selectedNotes: get().flow?.notes?.map((n) => n.id) ?? [],
            }),
          copySelection() {
            const { flow, selection, selectedNotes } = get();
            if (flow && selection.length + selectedNotes.length > 0)
              set({ clipboard: fragmentOf(flow, new Set(selection), new Set(selectedNotes)) });
          },
          paste() {
            const { clipboard } = get();
            if (clipboard) pasteAndSelect(clipboard);
          },
          duplicateSelection() {
            const { flow, selection, selectedNotes } = get();
            if (flow && selection.length + selectedNotes.length > 0)
              pasteAndSelect(fragmentOf(flow, new Set(selection), new Set(selectedNotes)));
          },
          setViewport: (viewport) => set({ viewport }),
          setHighlightedMemory: (memoryId) => set({ highlightedMemory: memoryId }),
          dismissNotice: () => set({ notice: null }),
          showNotice: (notice) => set({ notice }),
        };
      },
      {
        // Only the flow is history; everything else is view state.
        partialize: (state) => ({ flow: state.flow }),
        equality: (past, current) => past.flow === current.flow,
        limit: 200,
      },
    ),
  );
}

/**
 * A new editor store. The app makes one (main.tsx wiring, through `useFlowStore` below) and
 * hands it to the studio store; tests make their own. `now` times the typing bursts.
 */
export function createFlowStore(options: { now?: () => number } = {}): FlowStoreApi {
  const travel = { reset() {} };
  const store = createHistoryStore(options.now ?? (() => Date.now()), travel);
  /** After undo or redo, keep only selected ids that still exist (an undone rename or add). */
  const afterTimeTravel = (move: () => void) => {
    travel.reset();
    move();
    const { flow, selection, selectedNotes } = store.getState();
    const ids = new Set(flow?.nodes.map((n) => n.id));
    const kept = selection.filter((id) => ids.has(id));
    if (kept.length !== selection.length) store.setState({ selection: kept });
    const noteIds = new Set(flow?.notes?.map((n) => n.id));
    const keptNotes = selectedNotes.filter((id) => noteIds.has(id));
    if (keptNotes.length !== selectedNotes.length) store.setState({ selectedNotes: keptNotes });
  };
  const history: FlowHistory = {
    undo: () => afterTimeTravel(() => store.temporal.getState().undo()),
    redo: () => afterTimeTravel(() => store.temporal.getState().redo()),
    beginGesture() {
      const { flow } = store.getState();
      // A checkpoint with the pre-drag flow, then pause: undo returns to where the drag began.
      if (flow) store.setState({ flow: { ...flow } });
      store.temporal.getState().pause();
    },
    endGesture: () => store.temporal.getState().resume(),
  };
  return Object.assign(store, { history });
}

type BoundFlowStore = FlowStoreApi & (<T>(selector: (state: FlowState) => T) => T);

/** A React hook over `store` that also carries the store's own API, as zustand's `create` does. */
export function bindFlowStore(store: FlowStoreApi): BoundFlowStore {
  const hook = <T>(selector: (state: FlowState) => T): T => useStore(store, selector);
  return Object.assign(hook, store);
}

/**
 * The page's editor. The canvas reads it directly (its shortcuts and clipboard handlers run
 * outside React); main.tsx hands the same store to the studio store, whose slices never
 * import it.
 */
export const useFlowStore: BoundFlowStore = bindFlowStore(createFlowStore());

/** Undo/redo of the page's editor (the selection and viewport are left as they are). */
export const flowHistory: FlowHistory = useFlowStore.history;
