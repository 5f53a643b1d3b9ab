// @vitest-environment happy-dom
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ConversationRecord } from "../../store/studioStore";
import { chatFlow, converse } from "../runs/runsTestSupport";
import { render, testStudio } from "../studioTestSupport";
import { MemoryPanel } from "./MemoryPanel";

afterEach(() => vi.restoreAllMocks());

const card = (memoryId: string) => screen.getByRole("region", { name: `Memory ${memoryId}` });

/** Each message as "role text (origin)", in the order listed. */
const messagesOf = (list: HTMLElement) =>
  within(list)
    .getAllByRole("listitem")
    .map(
      (li) =>
        `${li.querySelector(".memory-message-role")?.textContent} ${li.querySelector(".memory-message-text")?.textContent} (${li.querySelector(".memory-message-origin")?.textContent})`,
    );

describe("MemoryPanel", () => {
  it("lists a memory's messages in order, with its size and who reads and writes it", async () => {
    // A window of 2 limits what a call sees, never what the memory holds.
    await converse(chatFlow(2), ["U1", "U2", "U3"]);
    render(<MemoryPanel />);
    const memory = card("chat_llm");
    const list = await within(memory).findByRole("list", { name: "Messages of memory chat_llm" });
    expect(messagesOf(list)).toEqual([
      "user U1 (by chat_llm, run 1)",
      "assistant A1 (by chat_llm, run 1)",
      "user U2 (by chat_llm, run 2)",
      "assistant A2 (by chat_llm, run 2)",
      "user U3 (by chat_llm, run 3)",
      "assistant A3 (by chat_llm, run 3)",
    ]);
    expect(within(memory).getByText("6 messages")).toBeTruthy();
    const readBy = within(memory).getByText("Read by").parentElement as HTMLElement;
    expect(readBy.textContent).toBe("Read bychat_llm (last 2 messages)");
    const writtenBy = within(memory).getByText("Written by").parentElement as HTMLElement;
    expect(within(writtenBy).getByRole("button", { name: "chat_llm" })).toBeTruthy();
  });

  it("clears a memory for the next message without hiding what it holds now", async () => {
    const { chat } = await converse(chatFlow(), ["U1"]);
    testStudio().setState({
      conversations: [{ id: chat.id, title: "First chat" } as ConversationRecord],
    });
    const user = userEvent.setup();
    render(<MemoryPanel />);
    const clear = within(card("chat_llm")).getByRole("button", { name: "Clear memory chat_llm" });
    await waitFor(() => expect((clear as HTMLButtonElement).disabled).toBe(false));

    // Asked first, naming the memory, how much it holds and in which conversation.
    await user.click(clear);
    const ask = screen.getByRole("alertdialog", { name: "Clear memory chat_llm?" });
    expect(ask.textContent).toContain("Its 2 messages in the conversation “First chat”");
    await user.click(within(ask).getByRole("button", { name: "Cancel" }));
    expect(testStudio().getState().pendingClears).toEqual([]);

    await user.click(clear);
    await user.click(screen.getByRole("button", { name: "Clear memory" }));
    expect(testStudio().getState().pendingClears).toEqual(["chat_llm"]);
    // Focus is not left on the Clear button, disabled now, but on the Undo beside it.
    expect(document.activeElement?.textContent).toBe("Undo clear of memory chat_llm");
    expect(within(card("chat_llm")).getByRole("status").textContent).toContain(
      "Will be empty from your next message",
    );
    // History is not rewritten: the messages stay listed until the next run starts empty.
    expect(within(card("chat_llm")).getByText("2 messages")).toBeTruthy();
    expect((clear as HTMLButtonElement).disabled).toBe(true);

    // The notice's Undo takes the clear back: the memory keeps exactly what it had.
    await user.click(screen.getByRole("button", { name: "Undo clearing memory chat_llm" }));
    expect(testStudio().getState().pendingClears).toEqual([]);
    expect(within(card("chat_llm")).queryByRole("status")).toBeNull();
    expect(screen.queryByText(/will be empty from your next message/i)).toBeNull();
    expect((clear as HTMLButtonElement).disabled).toBe(false);
  });

  it("offers Undo for ten seconds, and on the card until the next message", async () => {
    await converse(chatFlow(), ["U1"]);
    render(<MemoryPanel />);
    const clear = within(card("chat_llm")).getByRole("button", { name: "Clear memory chat_llm" });
    await waitFor(() => expect((clear as HTMLButtonElement).disabled).toBe(false));
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      await user.click(clear);
      await user.click(screen.getByRole("button", { name: "Clear memory" }));
      const undo = { name: "Undo clearing memory chat_llm" };
      expect(screen.getByRole("button", undo)).toBeTruthy();
      act(() => vi.advanceTimersByTime(10_500));
      expect(screen.queryByRole("button", undo)).toBeNull();
      await user.click(screen.getByRole("button", { name: "Undo clear of memory chat_llm" }));
      expect(testStudio().getState().pendingClears).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("shows a long message as one line until expanded, by its button or a click", async () => {
    const long = `First line of a long reply\n${"more text ".repeat(30)}`;
    await converse(chatFlow(), ["Short question"], () => long);
    const user = userEvent.setup();
    render(<MemoryPanel />);
    const list = await within(card("chat_llm")).findByRole("list", {
      name: "Messages of memory chat_llm",
    });
    // The short message has nothing to expand.
    expect(within(list).getAllByRole("button", { name: /^Expand/ })).toHaveLength(1);
    const expand = within(list).getByRole("button", {
      name: "Expand assistant message by chat_llm",
    });
    const text = document.getElementById(expand.getAttribute("aria-controls") ?? "") as HTMLElement;
    expect(text.textContent).toBe(long);
    expect(expand.getAttribute("aria-expanded")).toBe("false");
    expect(text.className).toContain("is-collapsed");

    expand.focus();
    await user.keyboard("{Enter}");
    expect(expand.getAttribute("aria-expanded")).toBe("true");
    expect(expand.textContent).toContain("Collapse");
    expect(text.className).toContain("is-expanded");

    await user.click(text);
    expect(expand.getAttribute("aria-expanded")).toBe("false");
    expect(text.className).toContain("is-collapsed");
  });

  it("shows every memory empty in a new conversation", async () => {
    await converse(chatFlow(), []);
    render(<MemoryPanel />);
    expect(screen.getByText(/New conversation: every memory starts empty/)).toBeTruthy();
    expect(within(card("chat_llm")).getByText("0 messages")).toBeTruthy();
    expect(within(card("chat_llm")).getByText("Empty in this conversation.")).toBeTruthy();
  });

  it("exports a memory as <memoryId>.memory.json with its messages in order", async () => {
    const { chat } = await converse(chatFlow(), ["U1", "U2"]);
    const blobs: Blob[] = [];
    vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return "blob:memory";
    });
    vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => undefined);
    const downloads: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      downloads.push(this.download);
    });
    render(<MemoryPanel />);
    const exportButton = within(card("chat_llm")).getByRole("button", {
      name: "Export chat_llm as JSON",
    });
    await waitFor(() => expect((exportButton as HTMLButtonElement).disabled).toBe(false));
    await userEvent.click(exportButton);

    expect(downloads).toEqual(["chat_llm.memory.json"]);
    const file = JSON.parse(await (blobs[0] as Blob).text());
    expect(file.memoryId).toBe("chat_llm");
    expect(
      file.messages.map((m: { role: string; content: string }) => `${m.role}: ${m.content}`),
    ).toEqual(["user: U1", "assistant: A1", "user: U2", "assistant: A2"]);
    expect(file.messages[2]).toMatchObject({ nodeId: "chat_llm", runId: chat.runs[1]?.id });
    expect(typeof file.messages[2].createdAt).toBe("number");
  });

  it("virtualizes a long memory but still counts all of it", async () => {
    const inputs = Array.from({ length: 120 }, (_, i) => `U${i + 1}`);
    await converse(chatFlow(), inputs);
    // happy-dom lays nothing out: give every element a size, as a browser would.
    vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockReturnValue(400);
    vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockReturnValue(
      new DOMRect(0, 0, 360, 60),
    );
    render(<MemoryPanel />);
    await waitFor(() => expect(within(card("chat_llm")).getByText("240 messages")).toBeTruthy());
    const list = within(card("chat_llm")).getByRole("list", {
      name: "Messages of memory chat_llm",
    });
    const rows = within(list).queryAllByRole("listitem");
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(240);
    expect(rows[0]?.getAttribute("aria-setsize")).toBe("240");
    // 120 runs to seed it: more than the default 5 s on a loaded machine.
  }, 30_000);
});
