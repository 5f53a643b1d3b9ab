/**
 * Auto-layout (dagre) runs on the page's thread in one go and grows faster than the flow: at
 * 2,000 nodes it takes seconds, and 50,000 would freeze the tab for minutes.
 */
export const MAX_LAYOUT_NODES = 2000;

/** Why a flow of `nodes` nodes is not laid out, or null when it can be. */
export function layoutRefusal(nodes: number): string | null {
  if (nodes <= MAX_LAYOUT_NODES) return null;
  const count = (n: number) => n.toLocaleString("en");
  return `Auto-layout arranges flows of up to ${count(MAX_LAYOUT_NODES)} nodes; this one has ${count(nodes)}. Move nodes by hand, or lay the flow out in the file.`;
}
