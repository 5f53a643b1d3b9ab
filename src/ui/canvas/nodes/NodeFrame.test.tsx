// @vitest-environment happy-dom
import { cleanup, screen } from "@testing-library/react";
import { ReactFlowProvider } from "@xyflow/react";
import { afterEach, describe, expect, it } from "vitest";
import { render } from "../../studioTestSupport";
import { isMapZoom, zoomLevelOf } from "../zoomLevel";
import { MemoryBadge } from "./MemoryBadge";
import { MapView } from "./mapView";
import { NodeFrame } from "./NodeFrame";

afterEach(cleanup);

/** An LLM node's card as LlmNode draws it, at the map level or not. */
function renderLlm(map: boolean, memoryId: string | null, problem: "error" | null = null) {
  return render(
    <ReactFlowProvider>
      <MapView.Provider value={map}>
        <NodeFrame
          kind="llm"
          id="writer"
          memoryId={memoryId}
          memoryColor="oklch(0.62 0.14 80)"
          problemSeverity={problem}
          problemText={problem ? "No model" : ""}
        >
          <p className="flow-node-detail">openai · gpt-4o</p>
          <MemoryBadge
            memoryId={memoryId}
            color="oklch(0.62 0.14 80)"
            windowSize={5}
            mode="read-write"
          />
        </NodeFrame>
      </MapView.Provider>
    </ReactFlowProvider>,
  ).container;
}

describe("a node zoomed out to the map level", () => {
  it("is its id and its memory's colour, with no details or controls", () => {
    const card = renderLlm(true, "notes");
    expect(card.querySelector(".flow-node-id")?.textContent).toBe("writer");
    // The dot is the card's own (zoomLevels.css), in the memory's colour.
    const node = card.querySelector<HTMLElement>(".flow-node");
    expect(node?.classList).toContain("map-memory");
    expect(node?.style.getPropertyValue("--memory-color")).toBe("oklch(0.62 0.14 80)");
    expect(card.querySelector(".memory-badge")).toBeNull();
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.queryByText("openai · gpt-4o")).toBeNull();
    expect(card.querySelectorAll(".react-flow__handle")).toHaveLength(2);
  });

  it("still marks a node without memory, and a node with a problem", () => {
    const card = renderLlm(true, null, "error");
    expect(card.querySelector(".flow-node")?.classList).toContain("map-no-memory");
    expect(screen.getByRole("img", { name: "Error: No model" })).toBeTruthy();
  });

  it("is the whole card again nearer in", () => {
    renderLlm(false, "notes");
    expect(screen.getByRole("button", { name: "Memory notes" })).toBeTruthy();
    expect(screen.getByText("openai · gpt-4o")).toBeTruthy();
    expect(screen.getByText("LLM")).toBeTruthy();
  });

  it("starts below 20 % zoom, where zoomLevels.css shows only the id and colour", () => {
    expect(zoomLevelOf(0.19)).toBe("farthest");
    expect(isMapZoom(0.19)).toBe(true);
    expect(zoomLevelOf(0.2)).toBe("farther");
    expect(isMapZoom(0.2)).toBe(false);
    expect(zoomLevelOf(1)).toBe("near");
  });
});
