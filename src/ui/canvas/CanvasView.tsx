import { Controls, MiniMap, type OnMoveEnd, ReactFlow, useStore } from "@xyflow/react";
import { lazy, type ReactNode, Suspense, useCallback, useState } from "react";
import type { NodeId } from "../../engine/ids";
import { useFlowStore } from "../../store/flowStore";
import { useUi } from "../../store/uiStore";
import { CanvasBackground } from "./CanvasBackground";
import type { CanvasEdge, CanvasNode } from "./canvasNodeData";
import { RF_NODE_TYPE, RF_NOTE_TYPE } from "./canvasNodeData";
import { ARIA_LABELS, FIT_VIEW_OPTIONS, MAX_ZOOM, MIN_ZOOM, SNAP_GRID } from "./canvasView";
import { canvasMenuHandlers } from "./menus/canvasMenuHandlers";
import { MapView } from "./nodes/mapView";
import { useCanvasDrop } from "./useCanvasDrop";
import { useCanvasElements } from "./useCanvasElements";
import { useConnectionHandlers } from "./useConnectionHandlers";
import { useDragHistory } from "./useDragHistory";
import { ZoomLevel } from "./ZoomLevel";
import { isMapZoom } from "./zoomLevel";

export interface FlowCanvasProps {
  /** The app's theme; React Flow's own parts (controls, minimap, background) follow it. */
  colorMode: "light" | "dark";
}

/**
 * How a large flow is drawn (canvas/large/): only some of its nodes, so React Flow's own fit
 * and minimap, which see only those, give way to ones that span the whole flow.
 */
export interface LargeFlowParts {
  /** The nodes to draw. */
  only: ReadonlySet<NodeId>;
  onFitView(): void;
  /** Drawn instead of React Flow's minimap: a minimap of the whole flow, and a note. */
  overlays: ReactNode;
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

/** The React Flow canvas of the open flow; a large flow passes the parts it draws its own way. */
export function CanvasView({ colorMode, large }: FlowCanvasProps & { large?: LargeFlowParts }) {
  // Read once: the view keeps its own viewport afterwards and reports it back on move end.
  const [initialViewport] = useState(() => useFlowStore.getState().viewport);
  const { onNodeDragStart, onNodeDragStop, beforeMove } = useDragHistory();
  const { nodes, edges, onNodesChange, onEdgesChange, nodeTypes } = useCanvasElements(
    beforeMove,
    large?.only,
  );
  const { onConnect, isValidConnection, onConnectEnd } = useConnectionHandlers();
  const { onDragOver, onDrop } = useCanvasDrop();

  const onMoveEnd = useCallback<OnMoveEnd>((_event, viewport) => {
    useFlowStore.getState().setViewport(viewport);
  }, []);
  // A click on a node opens its settings, also when it was already selected (selecting
  // opens them too, but a click on the selected node changes no selection).
  const setSideTab = useUi((s) => s.setSideTab);
  // A sticky note has no settings: a click on it leaves the side panel as it is.
  const onNodeClick = useCallback(
    (_event: unknown, node: CanvasNode) => {
      if (node.type !== RF_NOTE_TYPE) setSideTab("node");
    },
    [setSideTab],
  );
  const miniMap = useUi((s) => s.layout.miniMap);
  // Zoomed out to the map level every node is a light label (NodeFrame.tsx, MapLabel), and React Flow
  // draws all it is given: then most of the flow is on screen anyway, and mounting nodes as
  // they cross the edge of the view cost more of each pan frame than it saved.
  const map = useStore((s) => isMapZoom(s.transform[2]));

  return (
    <MapView.Provider value={map}>
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
        {...canvasMenuHandlers}
        snapToGrid
        snapGrid={SNAP_GRID}
        onlyRenderVisibleElements={!map}
        // useEditorShortcuts deletes (nodes and edges as one undo step); React Flow must not too.
        deleteKeyCode={null}
        // A large flow fits itself once the pane is measured (LargeFlowView).
        fitView={initialViewport === null && !large}
        fitViewOptions={FIT_VIEW_OPTIONS}
        {...(initialViewport && { defaultViewport: initialViewport })}
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        colorMode={colorMode}
        ariaLabelConfig={ARIA_LABELS}
      >
        <CanvasBackground />
        <Controls
          orientation="horizontal"
          showInteractive={false}
          fitViewOptions={FIT_VIEW_OPTIONS}
          {...(large && { onFitView: large.onFitView })}
        >
          {!large && (
            <Suspense fallback={null}>
              <MiniMapToggle />
            </Suspense>
          )}
        </Controls>
        {large
          ? large.overlays
          : miniMap && (
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
    </MapView.Provider>
  );
}
