import type { Flow } from "../../engine/flow";
import { memoryScope } from "../../engine/memoryScope";
import { useFlowStore } from "../../store/flowStore";

interface MemoryScopeFieldProps {
  memoryId: string;
  flow: Flow;
}

/**
 * A memory's scope (docs/memory.md, "Memory across conversations"): a flow-level setting,
 * so every node on this memory shows the same box and changing it here changes it for all.
 */
export function MemoryScopeField({ memoryId, flow }: MemoryScopeFieldProps) {
  const setMemoryScope = useFlowStore((s) => s.setMemoryScope);
  const shared = memoryScope(flow, memoryId) === "flow";
  return (
    <label className="inspector-check">
      <input
        type="checkbox"
        checked={shared}
        onChange={(e) => setMemoryScope(memoryId, e.target.checked ? "flow" : "conversation")}
      />
      Shared by every conversation of this flow
    </label>
  );
}
