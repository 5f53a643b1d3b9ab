// @vitest-environment happy-dom
import { act, cleanup } from "@testing-library/react";
import { ReactFlowProvider } from "@xyflow/react";
import { afterEach, describe, expect, it } from "vitest";
import { ProviderError } from "../../engine/provider";
import { chatFlow, converse } from "../runs/runsTestSupport";
import { render, testStudio } from "../studioTestSupport";
import { NodeFrame } from "./nodes/NodeFrame";

afterEach(cleanup);

/** The card of each node as the canvas draws it (handles need no connected flow here). */
function renderNodes(ids: string[]) {
  const { container } = render(
    <ReactFlowProvider>
      {ids.map((id) => (
        <NodeFrame key={id} kind="template" id={id} problemSeverity={null} problemText="" />
      ))}
    </ReactFlowProvider>,
  );
  return (id: string) =>
    [...container.querySelectorAll(".flow-node")].find(
      (card) => card.querySelector(".flow-node-id")?.textContent === id,
    )?.className ?? "";
}

describe("the open run's path on the canvas", () => {
  it("lights the nodes the inspected run executed, marks a failed one, fades the rest", async () => {
    await converse(chatFlow(), ["Hello"], () => {
      throw new ProviderError("server", "Overloaded.");
    });
    const classOf = renderNodes(["input", "chat_llm", "output", "added_later"]);
    expect(classOf("input")).not.toContain("is-run-");

    act(() => testStudio().getState().inspectRun(testStudio().getState().headRunId));
    expect(classOf("input")).toContain("is-run-path");
    expect(classOf("input")).not.toContain("is-run-failed");
    expect(classOf("chat_llm")).toContain("is-run-failed");
    // Skipped after the failure, and a node the run never had: both off the path.
    expect(classOf("output")).toContain("is-run-off");
    expect(classOf("added_later")).toContain("is-run-off");

    act(() => testStudio().getState().inspectRun(null));
    expect(classOf("chat_llm")).not.toContain("is-run-");
  });
});
