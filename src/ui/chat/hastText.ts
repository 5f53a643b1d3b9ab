/** The parts of a hast node this module reads; typed here so the chat need not import hast. */
interface HastLike {
  type: string;
  value?: string;
  children?: HastLike[];
}

/** The text a hast subtree shows: what "Copy code" puts on the clipboard. */
export function hastText(node: HastLike | undefined): string {
  if (!node) return "";
  if (node.type === "text") return node.value ?? "";
  return (node.children ?? []).map(hastText).join("");
}
