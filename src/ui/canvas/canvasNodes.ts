import { type EdgeMarker, MarkerType } from "@xyflow/react";
import type { FlowEdge, FlowNode } from "../../engine/flow";
import type { NodeId } from "../../engine/ids";
import { nodeMemory, nodeMemoryId } from "../../engine/memorySettings";
import type { CanvasEdge, FlowCanvasNode, ProblemFields } from "./canvasNodeData";
import { RF_NODE_TYPE } from "./canvasNodeData";
import type { NodeProblemSummary } from "./flowDerived";
import { nodeAccessibleName } from "./nodeLabels";

export interface Size {
  width: number;
  height: number;
}

/** React Flow's id for a connection: node ids cannot contain "-" or ">", so this is unambiguous. */
export const edgeId = (edge: Pick<FlowEdge, "source" | "target">) =>
  `${edge.source}->${edge.target}`;

/** One shared marker object: React Flow defines one SVG marker per distinct marker config. */
const ARROW: EdgeMarker = { type: MarkerType.ArrowClosed, width: 18, height: 18 };

const TEXT_PREVIEW = 60;

function firstLine(text: unknown): string {
  if (typeof text !== "string") return "";
  const line = text.trim().split("\n", 1)[0] ?? "";
  return line.length > TEXT_PREVIEW ? `${line.slice(0, TEXT_PREVIEW - 1)}…` : line;
}

function toCanvasNode(
  node: FlowNode,
  selected: boolean,
  problem: NodeProblemSummary | undefined,
  colors: ReadonlyMap<string, string>,
  measured: Size | undefined,
  sharedMemory: boolean,
): FlowCanvasNode {
  const problemFields: ProblemFields = {
    problemSeverity: problem?.severity ?? null,
    problemText: problem?.text ?? "",
  };
  const base = {
    id: node.id,
    position: node.position,
    selected,
    ariaLabel: nodeAccessibleName(node, problem),
    // React Flow reads sizes from these objects (the minimap, fit view); without them it also
    // treats a changed node as new, hides it and measures it again.
    ...(measured && { measured }),
  };
  switch (node.type) {
    case "input":
      return { ...base, type: RF_NODE_TYPE.input, data: problemFields };
    case "llm": {
      const c = node.config ?? {};
      const { memoryId, windowSize, windowTokens, mode } = nodeMemory(node);
      return {
        ...base,
        type: RF_NODE_TYPE.llm,
        data: {
          ...problemFields,
          provider: String(c.provider ?? ""),
          model: String(c.model ?? ""),
          memoryId,
          memoryColor: memoryId ? (colors.get(memoryId) ?? null) : null,
          windowSize,
          windowTokens,
          memoryMode: mode,
          // Any object turns it on (memorySummary.ts, summarySettings): the rest is checked there.
          sharedMemory,
          summarized:
            memoryId !== null && typeof c.memorySummary === "object" && c.memorySummary !== null,
        },
      };
    }
    case "template":
      return {
        ...base,
        type: RF_NODE_TYPE.template,
        data: { ...problemFields, text: firstLine(node.config?.template) },
      };
    case "output":
      return {
        ...base,
        type: RF_NODE_TYPE.output,
        data: { ...problemFields, text: firstLine(node.config?.value) },
      };
  }
}

interface NodeEntry {
  source: FlowNode;
  selected: boolean;
  problem: NodeProblemSummary | undefined;
  color: string | null;
  size: Size | undefined;
  shared: boolean;
  node: FlowCanvasNode;
}

const NO_SHARED: ReadonlySet<string> = new Set();

const sameSize = (a: Size | undefined, b: Size | undefined) =>
  a === b || (a?.width === b?.width && a?.height === b?.height);

const sameProblem = (a: NodeProblemSummary | undefined, b: NodeProblemSummary | undefined) =>
  a === b || (a?.severity === b?.severity && a?.text === b?.text && a?.count === b?.count);

/**
 * Turns flow nodes into React Flow nodes, reusing the previous object for every node whose
 * flow node, selection, problems, memory colour and measured size are unchanged. React Flow skips nodes whose
 * object is the same as last time, which keeps a drag on a 1,000-node flow cheap.
 */
export function createCanvasNodeCache() {
  let entries = new Map<NodeId, NodeEntry>();
  return function toCanvasNodes(
    nodes: readonly FlowNode[],
    selected: ReadonlySet<NodeId>,
    problems: ReadonlyMap<NodeId, NodeProblemSummary>,
    colors: ReadonlyMap<string, string>,
    measured: ReadonlyMap<NodeId, Size>,
    /** The flow-scoped memories (one log for every conversation), marked on their badges. */
    shared: ReadonlySet<string> = NO_SHARED,
  ): FlowCanvasNode[] {
    const next = new Map<NodeId, NodeEntry>();
    const result = nodes.map((source) => {
      const isSelected = selected.has(source.id);
      const problem = problems.get(source.id);
      const memory = nodeMemoryId(source);
      const color = memory ? (colors.get(memory) ?? null) : null;
      const size = measured.get(source.id);
      const isShared = memory !== null && shared.has(memory);
      const old = entries.get(source.id);
      const entry =
        old &&
        old.source === source &&
        old.selected === isSelected &&
        old.color === color &&
        old.shared === isShared &&
        sameSize(old.size, size) &&
        sameProblem(old.problem, problem)
          ? old
          : {
              source,
              selected: isSelected,
              problem,
              color,
              size,
              shared: isShared,
              node: toCanvasNode(source, isSelected, problem, colors, size, isShared),
            };
      next.set(source.id, entry);
      return entry.node;
    });
    entries = next;
    return result;
  };
}

/** The same for connections, keyed by the flow edge object and its selection. */
export function createCanvasEdgeCache() {
  let entries = new Map<string, { source: FlowEdge; selected: boolean; edge: CanvasEdge }>();
  return function toCanvasEdges(
    edges: readonly FlowEdge[],
    selected: ReadonlySet<string>,
  ): CanvasEdge[] {
    const next = new Map<string, { source: FlowEdge; selected: boolean; edge: CanvasEdge }>();
    const result = edges.map((source) => {
      const id = edgeId(source);
      const isSelected = selected.has(id);
      const old = entries.get(id);
      const entry =
        old && old.source === source && old.selected === isSelected
          ? old
          : {
              source,
              selected: isSelected,
              edge: {
                id,
                source: source.source,
                target: source.target,
                selected: isSelected,
                markerEnd: ARROW,
              },
            };
      next.set(id, entry);
      return entry.edge;
    });
    entries = next;
    return result;
  };
}
