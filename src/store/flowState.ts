import type { Flow, NodeKind, Position } from "../engine/flow";
import type { EditResult, FlowFragment } from "../engine/flowEdits";
import type { FlowId, NodeId, NoteId } from "../engine/ids";
import type { MemoryScope } from "../engine/memoryScope";

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * The flow being edited. Only `flow` is in the undo history (zundo): selection, notices and
 * the viewport are not edits, so undo never "undoes" a click.
 */
export interface FlowState {
  flowId: FlowId | null;
  flow: Flow | null;
  /** The stored revision this editor's flow builds on: a save from elsewhere meanwhile is a conflict. */
  revision: number;
  /** Selected node ids, in the order they were selected. */
  selection: NodeId[];
  /** Selected sticky notes (version 3): apart from `selection`, which the node panels read. */
  selectedNotes: NoteId[];
  /** The last edit that was refused, in words (e.g. a connection that would make a cycle). */
  notice: string | null;
  /** Where the canvas was last looking; restored when the flow is reopened. */
  viewport: Viewport | null;
  /** The memory id whose badge is hovered or selected: every node sharing it lights up. */
  highlightedMemory: string | null;
  clipboard: FlowFragment | null;

  /**
   * Opens a flow for editing. Its undo history is the one it was left with earlier in this
   * session if it reopens unchanged, else empty; the flow being left keeps its own.
   */
  open(flowId: FlowId, flow: Flow, viewport?: Viewport | null, revision?: number): void;
  /** Applies a pure edit; a refused one leaves the flow as it was and sets `notice`. */
  apply(edit: (flow: Flow) => EditResult): boolean;
  addNode(kind: NodeKind, position: Position): NodeId | null;
  connect(source: NodeId, target: NodeId): boolean;
  removeNodes(ids: readonly NodeId[]): void;
  removeEdge(source: NodeId, target: NodeId): void;
  /** Moves nodes, and notes when given, as one undo step. */
  moveNodes(positions: ReadonlyMap<NodeId, Position>, notes?: ReadonlyMap<NoteId, Position>): void;
  updateConfig(id: NodeId, patch: Record<string, unknown>): void;
  /**
   * `apply`, where edits with the same `key` closer together than a second are one undo step
   * (typing in a sticky note: "note:<id>:text").
   */
  applyTyping(key: string, edit: (flow: Flow) => EditResult): void;
  selectNotes(ids: readonly NoteId[]): void;
  renameNode(from: NodeId, to: string): EditResult;
  /** A memory's scope (docs/memory.md, "Memory across conversations"): one undo step. */
  setMemoryScope(memoryId: string, scope: MemoryScope): void;
  setName(name: string): void;
  select(ids: readonly NodeId[]): void;
  selectAll(): void;
  copySelection(): void;
  paste(): void;
  duplicateSelection(): void;
  setViewport(viewport: Viewport): void;
  setHighlightedMemory(memoryId: string | null): void;
  dismissNotice(): void;
  /** Says something about the last edit near the canvas (a paste that calls other servers). */
  showNotice(notice: string): void;
}
