// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { Flow, FlowNode } from "../../engine/flow";
import { flowId } from "../../engine/ids";
import { STARTER_FLOWS } from "../../engine/starterFlows";
import { useFlowStore } from "../../store/flowStore";
import { render } from "../studioTestSupport";
import { CanvasProvider } from "./CanvasProvider";
import { ProblemsList } from "./ProblemsList";

const show = () =>
  render(
    <CanvasProvider>
      <ProblemsList />
    </CanvasProvider>,
  );

afterEach(cleanup);

describe("ProblemsList", () => {
  it("says 'No problems' for a flow that can run", async () => {
    useFlowStore.getState().open(flowId("f"), STARTER_FLOWS.chatWithMemory.build());
    show();
    // The checks load after the first paint; until then the list says it is checking.
    expect(await screen.findByRole("heading", { name: "Problems 0" })).toBeTruthy();
    expect(screen.getByText("No problems")).toBeTruthy();
  });

  it("lists errors before warnings and selects the node a problem is about", async () => {
    const base = STARTER_FLOWS.sharedMemory.build();
    const flow: Flow = {
      ...base,
      nodes: base.nodes.map((n): FlowNode => {
        if (n.type !== "llm") return n;
        // llm1: a different window (a warning, reported on llm1); llm2: no model (an error).
        return n.id === "llm1"
          ? { ...n, config: { ...n.config, memoryWindowSize: 3 } }
          : { ...n, config: { ...n.config, model: "" } };
      }),
    };
    useFlowStore.getState().open(flowId("f"), flow);
    show();
    expect(await screen.findByRole("heading", { name: "Problems 2" })).toBeTruthy();
    const items = await screen.findAllByRole("button");
    expect(items.map((b) => b.textContent)).toEqual([
      expect.stringMatching(/^!Error: llm2.*has no model/),
      expect.stringMatching(/^!Warning: llm1.*different window sizes/),
    ]);
    fireEvent.click(items[0] as HTMLElement);
    expect(useFlowStore.getState().selection).toEqual(["llm2"]);
  });

  it("shows flow-wide problems as text, not as a button to a node", async () => {
    const base = STARTER_FLOWS.chatWithMemory.build();
    useFlowStore
      .getState()
      .open(flowId("f"), { ...base, nodes: base.nodes.filter((n) => n.type !== "output") });
    show();
    expect(await screen.findByText(/has no output node/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: /has no output node/ })).toBeNull();
  });
});
