import type { Flow } from "../engine/flow";

/** A file name from a flow's name: letters, digits and - kept, the rest folded; never empty. */
function slug(name: string, separator: string): string {
  const cleaned = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .replace(new RegExp(`^${separator}+|${separator}+$`, "g"), "")
    .slice(0, 80);
  return cleaned || "flow";
}

/** "Chat with memory" → "chat-with-memory.flow.json" (the fixtures' naming). */
export const flowFileName = (flow: Pick<Flow, "name">) => `${slug(flow.name, "-")}.flow.json`;

/** "Chat with memory" → "chat_with_memory.py": a valid Python module name. */
export function timbalPythonFileName(flow: Pick<Flow, "name">, suffix = ""): string {
  const base = slug(flow.name, "_");
  return `${/^[0-9]/.test(base) ? `flow_${base}` : base}${suffix}.py`;
}

/** "Chat with memory" → "chat_with_memory_agent.py": the Timbal 1.x Agent export. */
export const timbalAgentFileName = (flow: Pick<Flow, "name">) =>
  timbalPythonFileName(flow, "_agent");
