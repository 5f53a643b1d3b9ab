// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { LongText, PREVIEW_CHARS, splitText } from "./LongText";

afterEach(cleanup);

describe("LongText", () => {
  it("shows short text whole, with no button", () => {
    const { container } = render(<p>{<LongText text="A short reply." />}</p>);
    expect(container.textContent).toBe("A short reply.");
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("shows the beginning of a megabyte and all of it on request", () => {
    const text = `start ${"word ".repeat(210_000)}end`;
    const { container } = render(
      <p>
        <LongText text={text} />
      </p>,
    );
    expect(container.textContent?.length).toBeLessThan(PREVIEW_CHARS + 100);
    expect(container.textContent).not.toContain("end");
    fireEvent.click(
      screen.getByRole("button", {
        name: `Show all ${text.length.toLocaleString("en")} characters`,
      }),
    );
    expect(container.textContent).toBe(text);
    expect(container.querySelectorAll(".long-text-part").length).toBeGreaterThan(40);
  });
});

describe("splitText", () => {
  it("cuts at spaces where it can and loses nothing", () => {
    const text = "abc ".repeat(10_000);
    const parts = splitText(text, 1000);
    expect(parts.join("")).toBe(text);
    expect(parts.every((p) => p.length <= 1000)).toBe(true);
    expect(parts.slice(0, -1).every((p) => p.endsWith(" "))).toBe(true);
  });

  it("cuts an unbroken run where it must", () => {
    const text = "x".repeat(2500);
    expect(splitText(text, 1000).map((p) => p.length)).toEqual([1000, 1000, 500]);
  });
});
