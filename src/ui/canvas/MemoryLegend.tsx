import { useId } from "react";
import { useLazyModule } from "../common/useLazyModule";
import { useMemoryUsage } from "./flowDerived";

/**
 * The entries load apart from the first page (a few milliseconds after it, like the flow
 * checks): the first page has no room left, and the canvas and chat need not wait for them.
 */
const loadList = () => import("./MemoryLegendList");

/** The sidebar's memory section: its heading at once, each memory's entry once loaded. */
export function MemoryLegend() {
  const headingId = useId();
  const hasMemory = useMemoryUsage().size > 0;
  const list = useLazyModule(loadList, hasMemory);
  return (
    <section className="memory-legend" aria-labelledby={headingId}>
      <h2 id={headingId}>Memory</h2>
      {!hasMemory ? (
        <p className="empty">No node has memory yet.</p>
      ) : (
        list && <list.MemoryLegendList />
      )}
    </section>
  );
}
