// @vitest-environment happy-dom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { InMemorySaver } from "../../engine/InMemorySaver";
import {
  conversationId,
  type MessageId,
  memoryId,
  messageId,
  nodeId,
  runId,
} from "../../engine/ids";
import type { MemoryMessage } from "../../engine/messages";
import { useFlowStore } from "../../store/flowStore";
import { render } from "../studioTestSupport";
import { openWithSelection, sharedMemoryFlow, storedConfig } from "./inspectorTestSupport";
import type { PreviewSource } from "./memoryHeadsSource";
import { NodeInspector } from "./NodeInspector";

/** A memory log of alternating user/assistant messages U1, A1, U2, A2…; returns its head. */
async function logOf(saver: InMemorySaver, memory: string, count: number): Promise<MessageId> {
  const messages: MemoryMessage[] = [];
  for (let i = 0; i < count; i++) {
    const turn = Math.floor(i / 2) + 1;
    messages.push({
      id: messageId(`${memory}-${i}`),
      conversationId: conversationId("c1"),
      memoryId: memoryId(memory),
      runId: runId(`r${turn}`),
      nodeId: nodeId("llm1"),
      prev: i === 0 ? null : messageId(`${memory}-${i - 1}`),
      index: i,
      role: i % 2 === 0 ? "user" : "assistant",
      content: `${i % 2 === 0 ? "U" : "A"}${turn}`,
      createdAt: i,
    });
  }
  for (const m of messages) saver.messages.set(m.id, m);
  return messages[count - 1]?.id as MessageId;
}

async function sourceWith(count: number): Promise<PreviewSource> {
  const saver = new InMemorySaver();
  return { saver, heads: { shared_memory: await logOf(saver, "shared_memory", count) } };
}

const preview = () => screen.getByRole("region", { name: "Next call preview" });

/** Each line of the preview as "role text", dropped ones marked "[not sent]". */
const lines = () =>
  within(preview())
    .getAllByRole("listitem")
    .map((li) => {
      const role = li.querySelector(".inspector-preview-role")?.textContent;
      const text = li.querySelector(".inspector-preview-text")?.textContent ?? li.textContent;
      const dropped = li.classList.contains("inspector-preview-dropped") ? " [not sent]" : "";
      return role ? `${role} ${text}${dropped}` : text;
    });

function openWithWindow(windowSize: number | undefined) {
  openWithSelection(sharedMemoryFlow(), "llm1");
  if (windowSize !== undefined) {
    useFlowStore.getState().updateConfig(nodeId("llm1"), { memoryWindowSize: windowSize });
  }
}

describe("NodeInspector next call preview", () => {
  it("lists what a window of 2 keeps from 4 messages, and greys what it leaves out", async () => {
    openWithWindow(2);
    render(<NodeInspector previewSource={await sourceWith(4)} />);
    await waitFor(() =>
      expect(lines()).toEqual([
        "system Be brief.",
        "user U1 [not sent]",
        "assistant A1 [not sent]",
        "user U2",
        "assistant A2",
        "(your next message)",
      ]),
    );
    expect(within(preview()).getAllByText("not sent")).toHaveLength(2);
  });

  it("applies a token budget typed in, with the window, and says what it left out", async () => {
    openWithWindow(4);
    render(<NodeInspector previewSource={await sourceWith(4)} />);
    const budgetBox = screen.getByRole("textbox", { name: "Memory token budget" });
    // Each 2-character message is 1 token by the estimate, plus 4: a budget of 11 fits two.
    await userEvent.type(budgetBox, "11");
    await waitFor(() =>
      expect(lines()).toEqual([
        "system Be brief.",
        "user U1 [not sent]",
        "assistant A1 [not sent]",
        "user U2",
        "assistant A2",
        "(your next message)",
      ]),
    );
    expect(within(preview()).getAllByText("not sent: over the token budget")).toHaveLength(2);
    // Be brief. (3 + 4), U2 and A2 (5 each), the empty prompt (4).
    expect(within(preview()).getByText(/^Sends 21 tokens/).textContent).toBe(
      "Sends 21 tokens before your message's text (estimate: 4 characters a token + 4 a message). Token budget 11: memory uses 10; 2 messages over it are not sent.",
    );
    expect(storedConfig("llm1")?.memoryWindowTokens).toBe(11);
  });

  it("refuses a token budget that is not a whole number >= 1, and clears it when emptied", async () => {
    openWithWindow(4);
    useFlowStore.getState().updateConfig(nodeId("llm1"), { memoryWindowTokens: 50 });
    render(<NodeInspector previewSource={await sourceWith(4)} />);
    const budgetBox = screen.getByRole("textbox", { name: "Memory token budget" });
    await userEvent.clear(budgetBox);
    expect(storedConfig("llm1")?.memoryWindowTokens).toBeUndefined();
    await userEvent.type(budgetBox, "0");
    expect(
      screen.getByText("Use a whole number ≥ 1, or leave empty for no token budget."),
    ).toBeTruthy();
    expect(storedConfig("llm1")?.memoryWindowTokens).toBeUndefined();
  });

  it("follows the window as it is edited", async () => {
    openWithWindow(2);
    render(<NodeInspector previewSource={await sourceWith(4)} />);
    const windowBox = screen.getByRole("textbox", { name: "Memory window size" });
    await userEvent.clear(windowBox);
    await waitFor(() =>
      expect(lines()).toEqual([
        "system Be brief.",
        "user U1",
        "assistant A1",
        "user U2",
        "assistant A2",
        "(your next message)",
      ]),
    );
    await userEvent.type(windowBox, "0");
    await waitFor(() => expect(lines().filter((l) => l?.endsWith("[not sent]"))).toHaveLength(4));
  });

  it("shows the 10 newest left-out messages and counts the earlier ones", async () => {
    openWithWindow(1);
    render(<NodeInspector previewSource={await sourceWith(14)} />);
    await waitFor(() => expect(lines()).toContain("and 3 earlier"));
    const shown = lines();
    expect(shown.filter((l) => l?.endsWith("[not sent]"))).toHaveLength(10);
    // Oldest first: after the 3 not shown (U1, A1, U2) come A2 … A7, then the kept A7.
    expect(shown.slice(1, 3)).toEqual(["and 3 earlier", "assistant A2 [not sent]"]);
    expect(shown.slice(-2)).toEqual(["assistant A7", "(your next message)"]);
  });

  it("says a write-only node sees no history, and reads nothing", async () => {
    openWithSelection(sharedMemoryFlow(), "llm1");
    useFlowStore.getState().updateConfig(nodeId("llm1"), { memoryMode: "write-only" });
    const saver = { readBack: () => Promise.reject(new Error("should not be read")) };
    render(<NodeInspector previewSource={{ saver, heads: { shared_memory: messageId("m") } }} />);
    expect(within(preview()).getByText(/this node sees no history/)).toBeTruthy();
    expect(lines()).toEqual(["system Be brief.", "(your next message)"]);
  });

  it("says a node without memory sees only the system prompt and the prompt", () => {
    openWithSelection(sharedMemoryFlow(), "side");
    render(<NodeInspector />);
    expect(
      within(preview()).getByText(
        "No memory: this node sees only the system prompt and the prompt.",
      ),
    ).toBeTruthy();
    expect(lines()).toEqual(["(your next message)"]);
  });

  it("leaves out a blank system prompt, as the run does not send it", async () => {
    openWithWindow(1);
    useFlowStore.getState().updateConfig(nodeId("llm1"), { systemPrompt: "  \n" });
    render(<NodeInspector previewSource={await sourceWith(2)} />);
    await waitFor(() =>
      expect(lines()).toEqual(["user U1 [not sent]", "assistant A1", "(your next message)"]),
    );
  });

  it("shows an empty memory for a new conversation, without any storage", () => {
    openWithSelection(sharedMemoryFlow(), "llm2");
    render(<NodeInspector />);
    expect(within(preview()).getByText(/Memory "shared_memory" is empty/)).toBeTruthy();
    expect(lines()).toEqual(["(your next message)"]);
  });
});
