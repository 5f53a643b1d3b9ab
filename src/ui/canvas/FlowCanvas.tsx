import "@xyflow/react/dist/style.css";
import "./canvas.css";
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  type OnMoveEnd,
  ReactFlow,
} from "@xyflow/react";
import { lazy, Suspense, useCallback, useState } from "react";
import { useFlowStore } from "../../store/flowStore";
import { useStudioApi } from "../../store/studioStore";
import { useUi } from "../../store/uiStore";
import { useLazyModule } from "../common/useLazyModule";
import { CanvasNotice } from "./CanvasNotice";
import type { CanvasEdge, CanvasNode } from "./canvasNodeData";
import { RF_NODE_TYPE } from "./canvasNodeData";
import { useCanvasUi } from "./canvasUiStore";
import { ARIA_LABELS, FIT_VIEW_OPTIONS, MAX_ZOOM, MIN_ZOOM, SNAP_GRID } from "./canvasView";
import { EmptyCanvasHint } from "./EmptyCanvasHint";
import { nodeTypes } from "./nodes/nodeTypes";
import { useCanvasDrop } from "./useCanvasDrop";
import { useCanvasElements } from "./useCanvasElements";
import { useClipboardEvents } from "./useClipboardEvents";
import { useConnectionHandlers } from "./useConnectionHandlers";
import { useDragHistory } from "./useDragHistory";
import { useEditorShortcuts } from "./useEditorShortcuts";
import { ZoomLevel } from "./ZoomLevel";

export interface FlowCanvasProps {
  /** The app's theme; React Flow's own parts (controls, minimap, background) follow it. */
  colorMode: "light" | "dark";
}

/**
 * The flow editor's canvas, controlled by the flow store: every edit goes through a store
 * action, so undo, autosave and the other panels see it. Render inside a CanvasProvider.
 */
// The shortcuts list loads the first time it is asked for.
const loadShortcutsDialog = () => import("./ShortcutsDialog");

export function FlowCanvas({ colorMode }: FlowCanvasProps) {
  const shortcuts = useLazyModule(
    loadShortcutsDialog,
    useCanvasUi((s) => s.shortcutsOpen),
  );
  const flowId = useFlowStore((s) => s.flowId);
  const hasFlow = useFlowStore((s) => s.flow !== null);
  useEditorShortcuts();
  const studio = useStudioApi();
  const credentials = useCallback(() => studio.getState().credentials, [studio]);
  useClipboardEvents(credentials);
  return (
    <div className="flow-canvas">
      {hasFlow ? (
        // A fresh view per flow: its saved viewport (or fit view) applies, measured sizes reset.
        <FlowCanvasView key={flowId ?? ""} colorMode={colorMode} />
      ) : (
        <p className="flow-canvas-empty">No flow is open.</p>
      )}
      <EmptyCanvasHint />
      <CanvasNotice />
      {shortcuts && <shortcuts.ShortcutsDialog />}
    </div>
  );
}

function miniMapColor(node: CanvasNode): string {
  switch (node.type) {
    case RF_NODE_TYPE.llm:
      return node.data.memoryColor ?? "var(--accent)";
    case RF_NODE_TYPE.input:
    case RF_NODE_TYPE.output:
      return "var(--muted)";
    default:
      return "var(--border)";
  }
}

// Loads after the first paint: the button is not needed to show the flow.
const MiniMapToggle = lazy(() => import("./MiniMapToggle"));

/** Small enough to leave the flow its room: FIT_VIEW_OPTIONS keeps the flow above it. */
const MINI_MAP_SIZE = { width: 160, height: 96 };

function FlowCanvasView({ colorMode }: FlowCanvasProps) {
  // Read once: the view keeps its own viewport afterwards and reports it back on move end.
  const [initialViewport] = useState(() => useFlowStore.getState().viewport);
  const { onNodeDragStart, onNodeDragStop, beforeMove } = useDragHistory();
  const { nodes, edges, onNodesChange, onEdgesChange } = useCanvasElements(beforeMove);
  const { onConnect, isValidConnection, onConnectEnd } = useConnectionHandlers();
  const { onDragOver, onDrop } = useCanvasDrop();

  const onMoveEnd = useCallback<OnMoveEnd>((_event, viewport) => {
    useFlowStore.getState().setViewport(viewport);
  }, []);
  // A click on a node opens its settings, also when it was already selected (selecting
  // opens them too, but a click on the selected node changes no selection).
  const setSideTab = useUi((s) => s.setSideTab);
  const onNodeClick = useCallback(() => setSideTab("node"), [setSideTab]);
  const miniMap = useUi((s) => s.layout.miniMap);

  return (
    <ReactFlow<CanvasNode, CanvasEdge>
      aria-label="Flow canvas"
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={onConnect}
      onConnectEnd={onConnectEnd}
      isValidConnection={isValidConnection}
      onNodeClick={onNodeClick}
      onNodeDragStart={onNodeDragStart}
      onNodeDragStop={onNodeDragStop}
      onMoveEnd={onMoveEnd}
      onDragOver={onDragOver}
      onDrop={onDrop}
      snapToGrid
      snapGrid={SNAP_GRID}
      onlyRenderVisibleElements
      // useEditorShortcuts deletes (nodes and edges as one undo step); React Flow must not too.
      deleteKeyCode={null}
      fitView={initialViewport === null}
      fitViewOptions={FIT_VIEW_OPTIONS}
      {...(initialViewport && { defaultViewport: initialViewport })}
      minZoom={MIN_ZOOM}
      maxZoom={MAX_ZOOM}
      colorMode={colorMode}
      ariaLabelConfig={ARIA_LABELS}
    >
      <Background variant={BackgroundVariant.Dots} gap={SNAP_GRID[0]} size={1.5} />
      <Controls orientation="horizontal" showInteractive={false} fitViewOptions={FIT_VIEW_OPTIONS}>
        <Suspense fallback={null}>
          <MiniMapToggle />
        </Suspense>
      </Controls>
      {miniMap && (
        <MiniMap<CanvasNode>
          pannable
          zoomable
          nodeColor={miniMapColor}
          nodeStrokeWidth={0}
          style={MINI_MAP_SIZE}
        />
      )}
      <ZoomLevel />
    </ReactFlow>
  );
}
