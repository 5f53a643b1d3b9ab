/** The parts of a hast node this module reads; typed here so the chat need not import hast. */
interface HastLike {
  type: string;
  value?: string;
  children?: HastLike[];
}

/**
 * The text a hast subtree shows: what "Copy code" puts on the clipboard. A walk with an
 * explicit stack, so no depth of nesting can overflow the call stack.
 */
export function hastText(node: HastLike | undefined): string {
  const parts: string[] = [];
  const todo: HastLike[] = node ? [node] : [];
  for (let next = todo.pop(); next; next = todo.pop()) {
    if (next.type === "text") parts.push(next.value ?? "");
    else if (next.children)
      for (let i = next.children.length - 1; i >= 0; i--) todo.push(next.children[i] as HastLike);
  }
  return parts.join("");
}
