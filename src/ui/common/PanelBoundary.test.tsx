// @vitest-environment happy-dom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useEffect } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PanelBoundary } from "./PanelBoundary";

const panel = { broken: true, mounts: 0 };

function Panel() {
  useEffect(() => {
    panel.mounts++;
  }, []);
  if (panel.broken) throw new Error("the run list is unreadable");
  return <p>Runs are back</p>;
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("PanelBoundary", () => {
  it("shows what failed and a reload button that mounts the panel anew", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const user = userEvent.setup();
    render(
      <div>
        <PanelBoundary name="runs panel">
          <Panel />
        </PanelBoundary>
        <p>The rest of the app</p>
      </div>,
    );

    expect(screen.getByRole("alert").textContent).toContain(
      "The runs panel could not be shown: the run list is unreadable.",
    );
    expect(screen.getByText("The rest of the app")).toBeTruthy();

    panel.broken = false;
    await user.click(screen.getByRole("button", { name: "Reload the runs panel" }));
    expect(screen.getByText("Runs are back")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(panel.mounts).toBe(1);
  });
});
