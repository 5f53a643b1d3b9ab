import { shallow } from "zustand/shallow";

/**
 * memo() comparison for node components: React Flow also passes the position, drag and z
 * props, which change on every drag frame but are not drawn by the node's content.
 */
export function sameNodeProps<P extends { id: string; data: Record<string, unknown> }>(
  prev: P,
  next: P,
): boolean {
  return prev.id === next.id && shallow(prev.data, next.data);
}
