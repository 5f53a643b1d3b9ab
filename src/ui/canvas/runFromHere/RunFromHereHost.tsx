import { lazy, Suspense } from "react";
import { createPortal } from "react-dom";
import { closeRunFromHere, useRunFromHere } from "./openRunFromHere";

// The form loads the first time it is asked for: most sessions never run a node alone.
const RunFromHereDialog = lazy(() => import("./RunFromHereDialog"));

/**
 * Where the "Run from here" form opens. Portalled to the page's body: on a narrow screen the
 * canvas may be hidden behind the chat while the node's settings ask for it.
 */
export function RunFromHereHost() {
  const nodeId = useRunFromHere((s) => s.nodeId);
  if (nodeId === null) return null;
  return createPortal(
    <Suspense fallback={null}>
      <RunFromHereDialog key={nodeId} nodeId={nodeId} onClose={closeRunFromHere} />
    </Suspense>,
    document.body,
  );
}
