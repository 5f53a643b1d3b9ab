// @vitest-environment happy-dom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { withMemoryScope } from "../../engine/memoryScope";
import { ProviderError } from "../../engine/provider";
import { render, testStudio } from "../studioTestSupport";
import { RunsPanel } from "./RunsPanel";
import { chatFlow, converse } from "./runsTestSupport";

/** Each message line as a user reads it: role, tag, text, and [dropped] when not sent. */
const linesOf = (list: HTMLElement) =>
  within(list)
    .getAllByRole("listitem")
    .map((li) => {
      const role = li.querySelector(".call-role")?.textContent;
      if (!role) return li.textContent;
      const tag = li.querySelector(".call-tag")?.textContent;
      const text = li.querySelector(".call-text")?.textContent;
      return `${role} [${tag}] ${text}${li.classList.contains("is-dropped") ? " [dropped]" : ""}`;
    });

const U = ["Hi! My name is David", "I live in Barcelona", "What is my name?"];

describe("RunsPanel", () => {
  it("lists the runs of the chat on screen, newest first, and says when there are none", async () => {
    testStudio().setState({ runs: [], turns: [], inspectedRunId: null });
    const { unmount } = render(<RunsPanel />);
    expect(screen.getByText(/No runs yet/)).toBeTruthy();
    unmount();

    await converse(chatFlow(), U);
    render(<RunsPanel />);
    const opens = screen.getAllByRole("button", { name: /^Open run \d$/ });
    expect(opens.map((b) => b.textContent)).toEqual(["Open run 3", "Open run 2", "Open run 1"]);
    const newest = opens[0]?.closest("li") as HTMLElement;
    expect(newest.textContent).toContain("What is my name?");
    expect(within(newest).getByText("Done")).toBeTruthy();
    expect(within(newest).getByRole("checkbox", { name: "Compare run 3" })).toBeTruthy();
  });

  it("shows exactly what a window-2 call received: 2 memory messages sent, older ones greyed", async () => {
    const { llm } = await converse(chatFlow(2), U);
    render(<RunsPanel />);
    await userEvent.click(screen.getByRole("button", { name: "Open run 3" }));

    const sent = await screen.findByRole("list", { name: "Messages sent by chat_llm" });
    await waitFor(() =>
      expect(linesOf(sent)).toEqual([
        "user [memory chat_llm] Hi! My name is David [dropped]",
        "assistant [memory chat_llm] A1 [dropped]",
        "user [memory chat_llm] I live in Barcelona",
        "assistant [memory chat_llm] A2",
        "user [this run] What is my name?",
      ]),
    );
    // What is listed as sent is what the provider really received, in that order.
    const notDropped = within(sent)
      .getAllByRole("listitem")
      .filter((li) => !li.classList.contains("is-dropped"))
      .map(
        (li) =>
          `${li.querySelector(".call-role")?.textContent}: ${li.querySelector(".call-text")?.textContent}`,
      );
    expect(notDropped).toEqual(llm.calls[2]?.messages);
    expect(within(sent).getAllByText("dropped: not sent")).toHaveLength(2);

    const call = screen.getByRole("region", { name: /chat_llm/ });
    expect(
      within(call).getByText(/last 2 messages: 2 messages sent, 2 older left out/),
    ).toBeTruthy();
    expect(within(call).getByText("Reply").nextSibling?.textContent).toBe("A3");
    // The stand-in reports one input token per message sent, and one output token.
    expect(within(call).getByText("Tokens in / out").nextSibling?.textContent).toBe("3 / 1");
    const label = within(call).getByText("Added to memory");
    expect(label.textContent).toBe("Added to memory chat_llm");
    const added = label.parentElement as HTMLElement;
    expect(added.textContent).toContain("What is my name?");
    expect(added.textContent).toContain("A3");
  });

  it("says 'and N earlier' when the window dropped more than it can show", async () => {
    const inputs = Array.from({ length: 8 }, (_, i) => `U${i + 1}`);
    await converse(chatFlow(1), inputs);
    testStudio().getState().inspectRun(testStudio().getState().headRunId);
    render(<RunsPanel />);
    const sent = await screen.findByRole("list", { name: "Messages sent by chat_llm" });
    // 14 messages before U8, 1 kept: 13 dropped, the newest 10 shown.
    await waitFor(() =>
      expect(within(sent).getByText("and 3 earlier messages, not sent")).toBeTruthy(),
    );
    expect(sent.querySelectorAll(".is-dropped")).toHaveLength(10);
  });

  it("shows a failed call's error in words, and that it added nothing to memory", async () => {
    await converse(chatFlow(), ["Hello", "Again"], (call) => {
      if (call === 2) throw new ProviderError("auth", "Incorrect API key provided.");
      return `A${call}`;
    });
    render(<RunsPanel />);
    await userEvent.click(screen.getByRole("button", { name: "Open run 2" }));
    const call = await screen.findByRole("region", { name: /chat_llm/ });
    expect(within(call).getByText("Failed")).toBeTruthy();
    expect(call.textContent).toContain(
      "The provider refused the API key: check it in Settings. Incorrect API key provided.",
    );
    await waitFor(() =>
      expect(
        within(call).getByText("Added nothing to memory chat_llm: the call failed."),
      ).toBeTruthy(),
    );
    // What it tried to send is still shown: the user can see what failed.
    const sent = within(call).getByRole("list", { name: "Messages sent by chat_llm" });
    expect(linesOf(sent).at(-1)).toBe("user [this run] Again");
  });

  it("shows the nodes in execution order with their timings, and Close returns to the list", async () => {
    await converse(chatFlow(), ["Hello"]);
    render(<RunsPanel />);
    await userEvent.click(screen.getByRole("button", { name: "Open run 1" }));
    const timeline = screen.getByRole("list", { name: "Timeline" });
    const rows = within(timeline).getAllByRole("listitem");
    expect(rows.map((r) => r.querySelector(".run-timeline-node")?.textContent)).toEqual([
      "input",
      "chat_llm",
      "output",
    ]);
    expect(rows[1]?.textContent).toMatch(/\d+ ms, started at \+\d+ ms/);

    await userEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(testStudio().getState().inspectedRunId).toBeNull();
    expect(screen.getByRole("button", { name: "Open run 1" })).toBeTruthy();
  });

  it("compares two runs side by side: both replies, and what only one call received", async () => {
    await converse(chatFlow(), ["Hi! My name is David", "What is my name?"]);
    render(<RunsPanel />);
    await userEvent.click(screen.getByRole("checkbox", { name: "Compare run 1" }));
    expect(screen.getByText(/Run 1 is picked/)).toBeTruthy();
    await userEvent.click(screen.getByRole("checkbox", { name: "Compare run 2" }));

    const first = await screen.findByRole("region", { name: "Run 1: chat_llm" });
    const second = screen.getByRole("region", { name: "Run 2: chat_llm" });
    expect(within(first).getByText("A1")).toBeTruthy();
    expect(within(second).getByText("A2")).toBeTruthy();
    expect(screen.getByText("replies differ")).toBeTruthy();

    // Both calls began with "Hi! My name is David": folded away, the difference comes first.
    const secondSent = within(second).getByRole("list");
    await waitFor(() =>
      expect(linesOf(secondSent)).toEqual([
        "assistant [memory chat_llm] A1",
        "user [this run] What is my name?",
      ]),
    );
    expect(within(second).getAllByText("not in run 1")).toHaveLength(2);
    expect(within(first).getByText("Nothing after those.")).toBeTruthy();

    await userEvent.click(
      screen.getByRole("button", { name: "Show the message both calls received first" }),
    );
    expect(linesOf(within(second).getByRole("list"))).toEqual([
      "user [memory chat_llm] Hi! My name is David",
      "assistant [memory chat_llm] A1",
      "user [this run] What is my name?",
    ]);
    expect(linesOf(within(first).getByRole("list"))).toEqual([
      "user [this run] Hi! My name is David",
    ]);
    // Received by both (from memory in one, as the prompt in the other): not marked.
    const marked = [
      ...within(second).getByRole("list").querySelectorAll(".is-only-here .call-text"),
    ];
    expect(marked.map((e) => e.textContent)).toEqual(["A1", "What is my name?"]);
    expect(within(first).queryByText(/^not in/)).toBeNull();

    await userEvent.click(screen.getByRole("button", { name: "Stop comparing" }));
    expect(screen.getByRole("list", { name: "Timeline" })).toBeTruthy();
  });

  it("tags what a call read from a flow-scoped memory as shared by every conversation", async () => {
    await converse(withMemoryScope(chatFlow(), "chat_llm", "flow"), U.slice(0, 2));
    render(<RunsPanel />);
    await userEvent.click(screen.getByRole("button", { name: "Open run 2" }));
    const sent = await screen.findByRole("list", { name: "Messages sent by chat_llm" });
    await waitFor(() =>
      expect(linesOf(sent)).toEqual([
        "user [shared memory chat_llm] Hi! My name is David",
        "assistant [shared memory chat_llm] A1",
        "user [this run] I live in Barcelona",
      ]),
    );
    expect(
      screen.getByText(
        /Memory chat_llm \(flow-scoped: shared by every conversation of this flow\)/,
      ),
    ).toBeTruthy();
  });
});
