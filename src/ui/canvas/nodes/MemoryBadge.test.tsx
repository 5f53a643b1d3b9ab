// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { useFlowStore } from "../../../store/flowStore";
import { render } from "../../studioTestSupport";
import { useCanvasUi } from "../canvasUiStore";
import { MemoryBadge } from "./MemoryBadge";

const lit = () => useFlowStore.getState().highlightedMemory;

beforeEach(() => {
  useFlowStore.setState({ highlightedMemory: null });
  useCanvasUi.setState({ pinnedMemory: null });
});
afterEach(cleanup);

describe("MemoryBadge", () => {
  it("shows the memory id, and the window in words", () => {
    render(
      <MemoryBadge
        memoryId="chat_llm"
        color="oklch(0.62 0.14 165)"
        windowSize={5}
        mode="read-write"
      />,
    );
    const badge = screen.getByRole("button", { name: "Memory chat_llm" });
    expect(badge.textContent).toBe("Memory chat_llm");
    expect(badge.style.getPropertyValue("--memory-color")).toBe("oklch(0.62 0.14 165)");
    expect(screen.getByText("last 5 messages")).toBeTruthy();
    // read-write is the default and is not spelled out.
    expect(screen.queryByText(/read-write/)).toBeNull();
  });

  it("says 'no history' for a window of 0 and 'all messages' for no window", () => {
    const { rerender } = render(
      <MemoryBadge memoryId="m" color="red" windowSize={0} mode="read-write" />,
    );
    expect(screen.getByText("no history")).toBeTruthy();
    rerender(<MemoryBadge memoryId="m" color="red" windowSize={null} mode="read-write" />);
    expect(screen.getByText("all messages")).toBeTruthy();
    rerender(<MemoryBadge memoryId="m" color="red" windowSize={1} mode="read-write" />);
    expect(screen.getByText("last 1 message")).toBeTruthy();
  });

  it("shows a token budget beside the window", () => {
    const { rerender } = render(
      <MemoryBadge memoryId="m" color="red" windowSize={5} windowTokens={1200} mode="read-write" />,
    );
    expect(screen.getByText("last 5 messages, ≤ 1,200 tokens")).toBeTruthy();
    rerender(
      <MemoryBadge memoryId="m" color="red" windowSize={null} windowTokens={1} mode="read-write" />,
    );
    expect(screen.getByText("all messages, ≤ 1 token")).toBeTruthy();
  });

  it("says when summary memory folds what the window drops", () => {
    const { rerender } = render(
      <MemoryBadge memoryId="m" color="red" windowSize={5} mode="read-write" summarized />,
    );
    expect(screen.getByText("last 5 messages + summary")).toBeTruthy();
    rerender(<MemoryBadge memoryId="m" color="red" windowSize={5} mode="read-write" />);
    expect(screen.queryByText(/summary/)).toBeNull();
  });

  it("marks a flow-scoped memory as kept for every conversation", () => {
    const { rerender } = render(
      <MemoryBadge memoryId="m" color="red" windowSize={null} mode="read-write" shared />,
    );
    expect(screen.getByText(/every conversation/)).toBeTruthy();
    rerender(<MemoryBadge memoryId="m" color="red" windowSize={null} mode="read-write" />);
    expect(screen.queryByText(/every conversation/)).toBeNull();
  });

  it("names a mode other than read-write", () => {
    render(<MemoryBadge memoryId="m" color="red" windowSize={null} mode="read-only" />);
    expect(screen.getByText(/read-only/)).toBeTruthy();
  });

  it("says 'no memory' and offers nothing to highlight when the node has none", () => {
    render(<MemoryBadge memoryId={null} color={null} windowSize={5} mode="read-write" />);
    expect(screen.getByText("no memory")).toBeTruthy();
    expect(screen.queryByRole("button")).toBeNull();
    // A window without a memory means nothing: do not show one.
    expect(screen.queryByText("last 5 messages")).toBeNull();
  });

  it("lights up its memory while hovered or focused, and stops when left", () => {
    render(<MemoryBadge memoryId="shared" color="red" windowSize={null} mode="read-write" />);
    const badge = screen.getByRole("button", { name: "Memory shared" });
    fireEvent.mouseEnter(badge);
    expect(lit()).toBe("shared");
    fireEvent.mouseLeave(badge);
    expect(lit()).toBeNull();
    fireEvent.focus(badge);
    expect(lit()).toBe("shared");
    fireEvent.blur(badge);
    expect(lit()).toBeNull();
  });

  it("stays lit after a click until clicked again", () => {
    render(<MemoryBadge memoryId="shared" color="red" windowSize={null} mode="read-write" />);
    const badge = screen.getByRole("button", { name: "Memory shared" });
    fireEvent.mouseEnter(badge);
    fireEvent.click(badge);
    expect(badge.getAttribute("aria-pressed")).toBe("true");
    fireEvent.mouseLeave(badge);
    expect(lit()).toBe("shared");
    fireEvent.mouseEnter(badge);
    fireEvent.click(badge);
    expect(badge.getAttribute("aria-pressed")).toBe("false");
    fireEvent.mouseLeave(badge);
    expect(lit()).toBeNull();
  });

  it("does not light up when a pan or drag slides it under a held button", () => {
    render(<MemoryBadge memoryId="shared" color="red" windowSize={null} mode="read-write" />);
    const badge = screen.getByRole("button", { name: "Memory shared" });
    fireEvent.mouseEnter(badge, { buttons: 1 });
    expect(lit()).toBeNull();
    fireEvent.mouseLeave(badge, { buttons: 1 });
    // Released over it, the next hover lights it as usual.
    fireEvent.mouseEnter(badge, { buttons: 0 });
    expect(lit()).toBe("shared");
  });
});
