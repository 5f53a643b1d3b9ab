/**
 * Above this many nodes the canvas draws only the nodes near the view (canvas/large/): React
 * Flow mounts every node it is given at least once to measure it, and with 50,000 that held
 * the page for most of a minute.
 */
export const LARGE_FLOW_NODES = 1000;

export const isLargeFlow = (nodeCount: number) => nodeCount > LARGE_FLOW_NODES;
