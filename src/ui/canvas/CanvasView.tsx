import { Controls, type OnMoveEnd, ReactFlow, useStore } from "@xyflow/react";
import { lazy, Suspense, useCallback, useRef, useState } from "react";
import { useFlowStore } from "../../store/flowStore";
import { useUi } from "../../store/uiStore";
import { CanvasBackground } from "./CanvasBackground";
import { useCanvasControls } from "./canvasActions";
import type { CanvasEdge, CanvasNode } from "./canvasNodeData";
import { RF_NOTE_TYPE } from "./canvasNodeData";
import { ARIA_LABELS, FIT_VIEW_OPTIONS, MAX_ZOOM, MIN_ZOOM, SNAP_GRID } from "./canvasView";
import { isLargeFlow } from "./largeFlow";
import { canvasMenuHandlers } from "./menus/canvasMenuHandlers";
import { MapView } from "./nodes/mapView";
import { useCanvasDrop } from "./useCanvasDrop";
import { useCanvasElements } from "./useCanvasElements";
import { useConnectionHandlers } from "./useConnectionHandlers";
import { useDragHistory } from "./useDragHistory";
import { useNodeWindow } from "./window/useNodeWindow";
import { type OpeningView, useOpeningView } from "./window/useOpeningView";
import { ZoomLevel } from "./ZoomLevel";
import { isMapZoom } from "./zoomLevel";

export interface FlowCanvasProps {
  /** The app's theme; React Flow's own parts (controls, minimap, background) follow it. */
  colorMode: "light" | "dark";
}

// Load after the first paint: the button is not needed to show the flow, nor the note to
// draw a large one.
const MiniMapToggle = lazy(() => import("./MiniMapToggle"));
const LargeFlowNote = lazy(() => import("./large/LargeFlowNote"));
// Nor the minimap.
const FlowMap = lazy(() => import("./window/FlowMap").then((m) => ({ default: m.FlowMap })));

/**
 * The React Flow canvas of the open flow, mounted once its host has a size and the view it
 * opens on is known (window/useOpeningView.ts).
 */
export function CanvasView({ colorMode }: FlowCanvasProps) {
  const host = useRef<HTMLDivElement>(null);
  const opening = useOpeningView(host);
  return (
    <div ref={host} className="flow-canvas-view">
      {opening && <FlowView colorMode={colorMode} opening={opening} />}
    </div>
  );
}

/**
 * React Flow on the open flow. It draws the nodes in and around the view
 * (window/useNodeWindow.ts), so it fits the view and draws the minimap from the whole flow
 * itself: React Flow knows only the nodes drawn.
 */
function FlowView({ colorMode, opening }: FlowCanvasProps & { opening: OpeningView }) {
  const large = useFlowStore((s) => isLargeFlow(s.flow?.nodes.length ?? 0));
  // React Flow has taken the opening view: the window follows its view from then on.
  const [following, setFollowing] = useState(false);
  const onInit = useCallback(() => setFollowing(true), []);
  const only = useNodeWindow(opening, following, large);
  const { fitView } = useCanvasControls();
  const { onNodeDragStart, onNodeDragStop, beforeMove } = useDragHistory();
  const { nodes, edges, onNodesChange, onEdgesChange, nodeTypes } = useCanvasElements(
    beforeMove,
    only,
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
  // Zoomed out to the map level every node is a light label (NodeFrame.tsx, MapLabel).
  const mapNow = useStore((s) => isMapZoom(s.transform[2]));
  const map = following ? mapNow : isMapZoom(opening.viewport.zoom);

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
        onInit={onInit}
        onDragOver={onDragOver}
        onDrop={onDrop}
        {...canvasMenuHandlers}
        snapToGrid
        snapGrid={SNAP_GRID}
        // The window (useNodeWindow) gives React Flow only the nodes near the view already.
        onlyRenderVisibleElements={false}
        // useEditorShortcuts deletes (nodes and edges as one undo step); React Flow must not too.
        deleteKeyCode={null}
        // The saved view, or the whole flow fitted from its positions (useOpeningView).
        defaultViewport={opening.viewport}
        fitViewOptions={FIT_VIEW_OPTIONS}
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
          onFitView={fitView}
        >
          <Suspense fallback={null}>
            <MiniMapToggle />
          </Suspense>
        </Controls>
        {miniMap && (
          <Suspense fallback={null}>
            <FlowMap colorMode={colorMode} />
          </Suspense>
        )}
        {large && (
          <Suspense fallback={null}>
            <LargeFlowNote drawn={only.size} />
          </Suspense>
        )}
        <ZoomLevel />
      </ReactFlow>
    </MapView.Provider>
  );
}
