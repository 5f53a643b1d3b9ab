import { Panel, useReactFlow, useStore } from "@xyflow/react";
import { type PointerEvent, useDeferredValue, useEffect, useMemo, useRef } from "react";
import type { FlowNode } from "../../../engine/flow";
import { nodeMemoryId } from "../../../engine/memorySettings";
import { useFlowStore } from "../../../store/flowStore";
import type { CanvasEdge, CanvasNode } from "../canvasNodeData";
import { useMemoryColors } from "../flowDerived";
import { DEFAULT_NODE_SIZE } from "../nodeSize";
import { viewRect } from "./nodeWindow";

/** Small enough to leave the flow its room: FIT_VIEW_OPTIONS keeps the flow above it. */
const MAP = { width: 160, height: 96 };
const PAD = 6;

interface Frame {
  x: number;
  y: number;
  scale: number;
}

/** Where the flow's bounding box lands on the map. */
function frameOf(nodes: readonly FlowNode[]): Frame {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { position: p } of nodes) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + DEFAULT_NODE_SIZE.width);
    maxY = Math.max(maxY, p.y + DEFAULT_NODE_SIZE.height);
  }
  if (minX > maxX) return { x: 0, y: 0, scale: 1 };
  const [width, height] = [maxX - minX || 1, maxY - minY || 1];
  const scale = Math.min((MAP.width - 2 * PAD) / width, (MAP.height - 2 * PAD) / height);
  // Centred: a tall chain sits in the middle of the map, not against its left side.
  return {
    x: minX - (MAP.width / scale - width) / 2,
    y: minY - (MAP.height / scale - height) / 2,
    scale,
  };
}

/** The theme's colour for a custom property, as a canvas accepts it. */
const cssColor = (el: Element, name: string, fallback: string) =>
  getComputedStyle(el).getPropertyValue(name).trim() || fallback;

/** Every node as a small rectangle, drawn once per change of the flow, not per frame. */
function drawNodes(
  canvas: HTMLCanvasElement,
  nodes: readonly FlowNode[],
  colors: ReadonlyMap<string, string>,
  frame: Frame,
): HTMLCanvasElement {
  const layer = document.createElement("canvas");
  const ratio = window.devicePixelRatio || 1;
  layer.width = MAP.width * ratio;
  layer.height = MAP.height * ratio;
  const g = layer.getContext("2d");
  if (!g) return layer;
  g.scale(ratio, ratio);
  const fill = {
    accent: cssColor(canvas, "--accent", "#4f46e5"),
    muted: cssColor(canvas, "--muted", "#888"),
    border: cssColor(canvas, "--border", "#ccc"),
  };
  const w = Math.max(1, DEFAULT_NODE_SIZE.width * frame.scale);
  const h = Math.max(1, DEFAULT_NODE_SIZE.height * frame.scale);
  for (const node of nodes) {
    const memory = node.type === "llm" ? nodeMemoryId(node) : null;
    g.fillStyle =
      node.type === "llm"
        ? ((memory && colors.get(memory)) ?? fill.accent)
        : node.type === "template"
          ? fill.border
          : fill.muted;
    g.fillRect(
      (node.position.x - frame.x) * frame.scale,
      (node.position.y - frame.y) * frame.scale,
      w,
      h,
    );
  }
  return layer;
}

/**
 * The canvas's minimap. React Flow's draws an SVG element per node, and only of the nodes it
 * was given (useNodeWindow.ts draws those near the view); its view box followed the view, so
 * on every pan frame each of those elements was laid out and painted again. This one paints
 * every node of the flow on a canvas once per change, and the view's frame on top; pressing
 * or dragging on it moves the view there.
 */
export function FlowMap({ colorMode }: { colorMode: "light" | "dark" }) {
  // Repainted in a deferred render: painting 50,000 nodes shared the task of each edit.
  const nodes = useDeferredValue(useFlowStore((s) => s.flow?.nodes));
  const colors = useDeferredValue(useMemoryColors());
  const transform = useStore((s) => s.transform);
  const pane = useStore((s) => ({ width: s.width, height: s.height }), sameSize);
  const { setCenter, getZoom } = useReactFlow<CanvasNode, CanvasEdge>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const frame = useMemo(() => frameOf(nodes ?? []), [nodes]);
  const layerRef = useRef<HTMLCanvasElement | null>(null);
  /** The view frame's colour, read with the theme's other colours, not on every pan frame. */
  const strokeRef = useRef("#111");

  // biome-ignore lint/correctness/useExhaustiveDependencies: colorMode stands for the theme's colours
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    layerRef.current = drawNodes(canvas, nodes ?? [], colors, frame);
    strokeRef.current = cssColor(canvas, "--text", "#111");
    const ratio = window.devicePixelRatio || 1;
    canvas.width = MAP.width * ratio;
    canvas.height = MAP.height * ratio;
  }, [nodes, colors, frame, colorMode]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: redrawn when the layer above changes too
  useEffect(() => {
    const canvas = canvasRef.current;
    const g = canvas?.getContext("2d");
    if (!canvas || !g) return;
    const ratio = window.devicePixelRatio || 1;
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, MAP.width, MAP.height);
    if (layerRef.current) g.drawImage(layerRef.current, 0, 0, MAP.width, MAP.height);
    if (pane.width <= 0) return;
    const view = viewRect(transform, pane);
    // At least a few pixels across: on a 50,000-node map the view itself is a speck.
    const w = Math.max(8, view.width * frame.scale);
    const h = Math.max(8, view.height * frame.scale);
    const x = (view.x + view.width / 2 - frame.x) * frame.scale - w / 2;
    const y = (view.y + view.height / 2 - frame.y) * frame.scale - h / 2;
    g.strokeStyle = strokeRef.current;
    g.lineWidth = 2;
    g.strokeRect(x, y, w, h);
  }, [transform, pane, frame, nodes, colors, colorMode]);

  const moveTo = (event: PointerEvent<HTMLCanvasElement>) => {
    // Only a press that began on the map: a pan of the canvas passing over it is not one.
    if (event.buttons !== 1 || !event.currentTarget.hasPointerCapture(event.pointerId)) return;
    const box = event.currentTarget.getBoundingClientRect();
    const x = frame.x + (event.clientX - box.left) / frame.scale;
    const y = frame.y + (event.clientY - box.top) / frame.scale;
    void setCenter(x, y, { zoom: getZoom() });
  };

  return (
    <Panel position="bottom-right" className="react-flow__minimap flow-map">
      <canvas
        ref={canvasRef}
        role="img"
        aria-label="Mini map"
        style={{ width: MAP.width, height: MAP.height, display: "block" }}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          moveTo(event);
        }}
        onPointerMove={moveTo}
      />
    </Panel>
  );
}

const sameSize = (a: { width: number; height: number }, b: { width: number; height: number }) =>
  a.width === b.width && a.height === b.height;
