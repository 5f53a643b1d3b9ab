/**
 * The baseline for the canvas benchmark: React Flow alone in its fastest configuration, with the
 * same chain the app is measured on. Anything the app costs beyond this page is the app's own
 * doing. Built by bench/canvas/vite.bare.config.ts, never shipped.
 *
 * The query string sets what the bench compares like with like: `nodes` (the chain's length),
 * `w` and `h` (the canvas in CSS pixels: the app's canvas at the bench viewport, beside its
 * panels). The best configuration of the library, as its performance guide gives it:
 * onlyRenderVisibleElements, a memoized node component and stable nodeTypes, the app's own fit
 * view options and zoom limits so both pages open on the same view.
 */
import {
  Controls,
  type Edge,
  Handle,
  MiniMap,
  type Node,
  type NodeProps,
  Position,
  ReactFlow,
  useEdgesState,
  useNodesState,
} from "@xyflow/react";
import { memo } from "react";
import { createRoot } from "react-dom/client";
import "@xyflow/react/dist/style.css";
import { FIT_VIEW_OPTIONS, MAX_ZOOM, MIN_ZOOM } from "../../../src/ui/canvas/canvasView";
import { snakePosition } from "../layout";

type LabelNode = Node<{ label: string }>;

/** React Flow's own default node (same markup and classes), memoized: it is not in the library. */
const MemoDefaultNode = memo(function MemoDefaultNode({
  data,
  isConnectable,
  targetPosition = Position.Top,
  sourcePosition = Position.Bottom,
}: NodeProps<LabelNode>) {
  return (
    <>
      <Handle type="target" position={targetPosition} isConnectable={isConnectable} />
      {data.label}
      <Handle type="source" position={sourcePosition} isConnectable={isConnectable} />
    </>
  );
});

/** Outside the component: a new object on each render would remount every node. */
const nodeTypes = { default: MemoDefaultNode };

const query = new URLSearchParams(location.search);
const count = Number(query.get("nodes") ?? 1000);
const size = { width: Number(query.get("w") ?? 0), height: Number(query.get("h") ?? 0) };

const initialNodes: LabelNode[] = Array.from({ length: count }, (_, i) => ({
  id: `n${i}`,
  position: snakePosition(i),
  data: { label: `Node ${i}` },
}));

const initialEdges: Edge[] = Array.from({ length: count - 1 }, (_, i) => ({
  id: `e${i}`,
  source: `n${i}`,
  target: `n${i + 1}`,
}));

function BareFlow() {
  // Controlled state, as in React Flow's own examples and as the app keeps its flow in a store:
  // every drag step goes through a React state update, which is part of what is measured.
  const [nodes, , onNodesChange] = useNodesState(initialNodes);
  const [edges, , onEdgesChange] = useEdgesState(initialEdges);
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onlyRenderVisibleElements
      fitView
      fitViewOptions={FIT_VIEW_OPTIONS}
      minZoom={MIN_ZOOM}
      maxZoom={MAX_ZOOM}
    >
      <MiniMap />
      <Controls />
    </ReactFlow>
  );
}

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
// Without a size the page fills the window, as before.
if (size.width > 0 && size.height > 0) {
  root.style.width = `${size.width}px`;
  root.style.height = `${size.height}px`;
}
createRoot(root).render(<BareFlow />);
