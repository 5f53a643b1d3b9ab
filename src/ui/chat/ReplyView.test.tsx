// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { COLLAPSED_CHARS } from "./PlainReply";
import { ReplyView } from "./ReplyView";

/** Set by a test to make every formatted reply throw while rendering. */
const failing = vi.hoisted(() => ({ on: false }));

vi.mock("./markdownComponents", async (original) => {
  const real = await original<typeof import("./markdownComponents")>();
  function Paragraph({ children }: { children?: React.ReactNode }) {
    if (failing.on) throw new Error("a component broke");
    return <p>{children}</p>;
  }
  return { MARKDOWN_COMPONENTS: { ...real.MARKDOWN_COMPONENTS, p: Paragraph } };
});

afterEach(() => {
  cleanup();
  failing.on = false;
  vi.restoreAllMocks();
});

const show = (text: string) =>
  render(<ReplyView outputId="output" text={text} labelled={false} streaming={false} />);

describe("ReplyView", () => {
  it("shows 2,500 nested quotes as plain text, saying why", () => {
    const text = `${">".repeat(2_500)} deep`;
    const { container } = show(text);
    expect(container.querySelector(".chat-plain")?.textContent).toBe(text);
    expect(screen.getByText(/Shown as plain text: nested too deeply to format/)).toBeTruthy();
    expect(container.querySelector("blockquote")).toBeNull();
  });

  it("collapses a very long reply and shows all of it on request", async () => {
    const user = userEvent.setup();
    const text = "a".repeat(200_000);
    const { container } = show(text);
    const plain = () => container.querySelector(".chat-plain")?.textContent ?? "";
    expect(plain().length).toBe(COLLAPSED_CHARS + 1);
    await user.click(screen.getByRole("button", { name: "Show all 200,000 characters" }));
    expect(plain()).toBe(text);
  });

  it("falls back to plain text when formatting throws, and the page stays", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    failing.on = true;
    const { container } = show("Hello *there*");
    await waitFor(
      () =>
        expect(screen.getByText(/it could not be formatted \(a component broke\)/)).toBeTruthy(),
      // The Markdown renderer is a lazy chunk: on a busy machine it takes over waitFor's 1 s.
      { timeout: 10_000 },
    );
    expect(container.querySelector(".chat-plain")?.textContent).toBe("Hello *there*");
  });

  it("formats an ordinary reply as Markdown", async () => {
    const { container } = show("Hello *there*");
    await waitFor(() => expect(container.querySelector("em")?.textContent).toBe("there"), {
      timeout: 10_000,
    });
  });
});
