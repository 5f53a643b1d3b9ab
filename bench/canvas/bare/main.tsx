/**
 * The baseline for the canvas benchmark: React Flow alone, as its own examples use it, with the
 * same 1,000-node chain the app is measured on. Anything the app costs beyond this page is the
 * app's own doing. Built by bench/canvas/vite.bare.config.ts, never shipped.
 */
import {
  Controls,
  type Edge,
  MiniMap,
  type Node,
  ReactFlow,
  useEdgesState,
  useNodesState,
} from "@xyflow/react";
import { createRoot } from "react-dom/client";
import "@xyflow/react/dist/style.css";
import { NODE_COUNT, snakePosition } from "../layout";

const initialNodes: Node[] = Array.from({ length: NODE_COUNT }, (_, i) => ({
  id: `n${i}`,
  position: snakePosition(i),
  data: { label: `Node ${i}` },
}));

const initialEdges: Edge[] = Array.from({ length: NODE_COUNT - 1 }, (_, i) => ({
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
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      fitView
    >
      <MiniMap />
      <Controls />
    </ReactFlow>
  );
}

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(<BareFlow />);
