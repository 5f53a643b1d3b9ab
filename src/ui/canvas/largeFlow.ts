/**
 * Above this many nodes a flow is large: the canvas draws the nodes around the view with a
 * margin, replaces that window as the view moves away, mounts new nodes a batch per frame and
 * caps how many are drawn (window/nodeWindow.ts); derived panels update in deferred renders.
 * With 50,000 nodes, mounting each node once held the page for most of a minute.
 */
export const LARGE_FLOW_NODES = 1000;

export const isLargeFlow = (nodeCount: number) => nodeCount > LARGE_FLOW_NODES;
