import type { Flow, NodeKind, Position } from "../../../engine/flow";
import { addNode, addProblem, connect, type EditResult, newNode } from "../../../engine/flowEdits";
import type { NodeId } from "../../../engine/ids";
import { NODE_KINDS } from "../../../engine/nodeKinds";
import { DEFAULT_NODE_SIZE } from "../nodeSize";
import { placeNodeAt } from "../paletteDrag";
import type { QuickAddRequest } from "./canvasPopup";

/** The palette's order, so the picker lists kinds where the user expects them. */
const KIND_ORDER = Object.keys(NODE_KINDS) as NodeKind[];

/**
 * Where the new node goes: its input at the drop point when it is downstream (so the line
 * dropped there ends on its handle), its output there when upstream, then nudged to free space.
 */
function placement(flow: Flow, request: QuickAddRequest): Position {
  const half = DEFAULT_NODE_SIZE.width / 2;
  const centre = {
    x: request.at.x + (request.handle === "source" ? half : -half),
    y: request.at.y,
  };
  return placeNodeAt(centre, flow.nodes);
}

/**
 * The whole edit: a node of `kind` added and connected to the request's node, or the reason
 * it cannot be (the same rules as adding and connecting by hand: one Input node per flow, no
 * connection into an Input node or out of an Output node).
 */
export function connectedNodeEdit(
  flow: Flow,
  kind: NodeKind,
  request: QuickAddRequest,
): EditResult & { id?: NodeId } {
  const refused = addProblem(flow, kind);
  if (refused) return { ok: false, reason: refused };
  const node = newNode(flow, kind, placement(flow, request));
  const withNode = addNode(flow, node);
  const result =
    request.handle === "source"
      ? connect(withNode, request.from, node.id)
      : connect(withNode, node.id, request.from);
  return result.ok ? { ...result, id: node.id } : result;
}

/** The kinds the picker offers: those whose node could be added connected to that handle. */
export function quickAddKinds(flow: Flow, request: QuickAddRequest): NodeKind[] {
  return KIND_ORDER.filter((kind) => connectedNodeEdit(flow, kind, request).ok);
}
