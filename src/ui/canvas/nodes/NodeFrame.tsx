import { Handle, Position } from "@xyflow/react";
import { type CSSProperties, lazy, type ReactNode, Suspense } from "react";
import type { NodeKind } from "../../../engine/flow";
import { NODE_KINDS } from "../../../engine/nodeKinds";
import { useMemoryHighlight } from "../memoryHighlight";
import { useNodeRunView } from "../nodeRunView";
import { useRunPath } from "../runPathHighlight";
import { useMapView } from "./mapView";
import { ProblemMarker } from "./ProblemMarker";

interface NodeFrameProps {
  kind: NodeKind;
  id: string;
  /** The memory this node uses, if any: decides whether a memory highlight lights or dims it. */
  memoryId?: string | null;
  /** Its colour, for the ring drawn when that memory is highlighted. */
  memoryColor?: string | null;
  problemSeverity: "error" | "warning" | null;
  problemText: string;
  children?: ReactNode;
}

interface CardProps {
  id: string;
  kind: NodeKind;
  memoryId: string | null;
  memoryColor: string | null;
  problemSeverity: "error" | "warning" | null;
  /** At the map level, an LLM node's memory dot: its memory's colour, or none. */
  mapDot?: "map-memory" | "map-no-memory" | null;
  children: ReactNode;
}

// A node's run state and output load with the first run shown: not with the first page.
const NodeRunInfo = lazy(() => import("./NodeRunInfo"));

/**
 * The only part of a node that follows the memory and run highlights. Its children are created
 * by NodeFrame, which does not re-render on a highlight, so React reuses them as they are:
 * hovering a memory with 1,000 nodes on screen re-renders 1,000 divs, not 1,000 nodes.
 */
function NodeCard({
  id,
  kind,
  memoryId,
  memoryColor,
  problemSeverity,
  mapDot,
  children,
}: CardProps) {
  const highlight = useMemoryHighlight(memoryId);
  const runPath = useRunPath(id);
  // The open conversation's run in progress, or its last output (nodeRunView.ts).
  const run = useNodeRunView(id);
  const classes = ["flow-node", `flow-node-${kind}`];
  // The run open in the Runs tab: its path lit, the nodes it did not run faded.
  if (runPath === "ran") classes.push("is-run-path");
  if (runPath === "failed") classes.push("is-run-path", "is-run-failed");
  if (runPath === "off") classes.push("is-run-off");
  if (highlight === "on") classes.push("is-memory-lit");
  if (highlight === "dim") classes.push("is-memory-dimmed");
  if (problemSeverity) classes.push(`has-${problemSeverity}`);
  if (run?.status === "running") classes.push("is-run-running");
  if (mapDot) classes.push(mapDot);
  return (
    <div
      className={classes.join(" ")}
      style={memoryColor ? ({ "--memory-color": memoryColor } as CSSProperties) : undefined}
    >
      {children}
      {run && (
        <Suspense fallback={null}>
          <NodeRunInfo view={run} />
        </Suspense>
      )}
    </div>
  );
}

/**
 * What a node shows zoomed out to the map level, as a label on a map: its id and, for an LLM
 * node, its memory's colour as a dot the card draws (zoomLevels.css, `map-memory`). None of
 * the card's details, form controls or listeners: at that zoom they cost most of every pan
 * frame of a big flow while being too small to read or press.
 */
function MapLabel({ id, problemSeverity, problemText }: LabelProps) {
  return (
    <>
      {problemSeverity && (
        <div className="flow-node-header">
          <ProblemMarker severity={problemSeverity} text={problemText} />
        </div>
      )}
      <div className="flow-node-id">{id}</div>
    </>
  );
}

type LabelProps = Pick<CardProps, "id" | "problemSeverity"> & { problemText: string };

/** The card every node kind shares: kind, id, problem marker, handles and highlight state. */
export function NodeFrame({
  kind,
  id,
  memoryId = null,
  memoryColor = null,
  problemSeverity,
  problemText,
  children,
}: NodeFrameProps) {
  const def = NODE_KINDS[kind];
  const map = useMapView();
  return (
    <NodeCard
      id={id}
      kind={kind}
      memoryId={memoryId}
      memoryColor={memoryColor}
      problemSeverity={problemSeverity}
      mapDot={map && kind === "llm" ? (memoryId ? "map-memory" : "map-no-memory") : null}
    >
      {def.acceptsInputs && <Handle type="target" position={Position.Left} />}
      {map ? (
        <MapLabel id={id} problemSeverity={problemSeverity} problemText={problemText} />
      ) : (
        <>
          <div className="flow-node-header">
            <span className="flow-node-kind">{def.label}</span>
            <ProblemMarker severity={problemSeverity} text={problemText} />
          </div>
          <div className="flow-node-id">{id}</div>
          {children}
        </>
      )}
      {def.hasOutput && <Handle type="source" position={Position.Right} />}
    </NodeCard>
  );
}
