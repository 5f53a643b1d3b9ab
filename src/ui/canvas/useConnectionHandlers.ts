import type { Connection, IsValidConnection, OnConnectEnd } from "@xyflow/react";
import { useCallback } from "react";
import { connect as connectEdit } from "../../engine/flowEdits";
import type { NodeId } from "../../engine/ids";
import { useFlowStore } from "../../store/flowStore";
import type { CanvasEdge } from "./canvasNodeData";
import { quickAddOnDrop } from "./menus/canvasMenuHandlers";

/** Connections go through the store, which refuses self-loops, cycles and duplicates in words. */
export function useConnectionHandlers() {
  const onConnect = useCallback((c: Connection) => {
    useFlowStore.getState().connect(c.source as NodeId, c.target as NodeId);
  }, []);

  // Marks the target handle red while dragging a connection the store would refuse.
  const isValidConnection = useCallback<IsValidConnection<CanvasEdge>>((c) => {
    const { flow } = useFlowStore.getState();
    return !!flow && connectEdit(flow, c.source as NodeId, c.target as NodeId).ok;
  }, []);

  // React Flow drops a refused connection silently; asking the store again sets its notice,
  // which says why (a cycle, an input node, a duplicate). One dropped on empty canvas opens
  // the quick-add picker there instead.
  const onConnectEnd = useCallback<OnConnectEnd>((event, state) => {
    if (state.isValid === null) return quickAddOnDrop(event, state);
    if (state.isValid !== false) return;
    const { fromNode, toNode, fromHandle, toHandle } = state;
    if (!fromNode || !toNode || !fromHandle || !toHandle || fromHandle.type === toHandle.type)
      return;
    const [source, target] =
      fromHandle.type === "source" ? [fromNode.id, toNode.id] : [toNode.id, fromNode.id];
    useFlowStore.getState().connect(source as NodeId, target as NodeId);
  }, []);

  return { onConnect, isValidConnection, onConnectEnd };
}
