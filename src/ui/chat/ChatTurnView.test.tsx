// @vitest-environment happy-dom
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { nodeId, runId } from "../../engine/ids";
import type { ChatTurn } from "../../store/chatTurns";
import { render, testStudio } from "../studioTestSupport";
import { ChatTurnView } from "./ChatTurnView";
import { makeTurn, resetStores, stubStudio } from "./chatTestSupport";

afterEach(() => {
  cleanup();
  resetStores();
});

function show(turn: ChatTurn, { turnIndex = 0, busy = false, latest = true } = {}) {
  const actions = stubStudio();
  render(<ChatTurnView turn={turn} turnIndex={turnIndex} busy={busy} latest={latest} />);
  return { user: userEvent.setup(), ...actions };
}

describe("ChatTurnView", () => {
  it("keeps the user's message as plain text, even when it looks like Markdown or HTML", () => {
    const { container } = render(
      <ChatTurnView
        turn={makeTurn(1, { input: "**not bold** <b>nor this</b>" })}
        turnIndex={0}
        busy={false}
        latest
      />,
    );
    expect(screen.getByText("**not bold** <b>nor this</b>")).toBeTruthy();
    expect(container.querySelector(".chat-user strong, .chat-user b")).toBeNull();
  });

  it("labels each reply with its output node when the flow has several outputs", () => {
    show(makeTurn(1, { outputs: { summary: "Short.", critique: "Too short." } }));
    const replies = document.querySelectorAll("[data-output]");
    expect([...replies].map((r) => r.textContent)).toEqual(["summaryShort.", "critiqueToo short."]);
  });

  it("a refused key says so, and Open Settings opens Settings", async () => {
    const { user } = show(
      makeTurn(1, {
        status: "error",
        outputs: {},
        error: {
          kind: "auth",
          message: "The API key for OpenAI was refused (401). Check it in Settings.",
        },
      }),
    );
    expect(screen.getByRole("alert").textContent).toContain("was refused (401)");
    await user.click(screen.getByRole("button", { name: "Open Settings" }));
    expect(testStudio().getState().settings.open).toBe(true);
  });

  it("Retry on a failed turn asks again for that turn, not another", async () => {
    const { user, regenerate } = show(
      makeTurn(4, {
        status: "error",
        outputs: {},
        error: {
          kind: "rate-limit",
          message: "OpenAI is limiting requests (429). Try again in 20 s.",
          retryAfterSeconds: 20,
        },
      }),
      { turnIndex: 3 },
    );
    expect(screen.getByRole("alert").textContent).toContain("Try again in 20 s.");
    expect(screen.queryByRole("button", { name: "Open Settings" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Retry" }));
    expect(regenerate).toHaveBeenCalledWith(3);
  });

  it("a missing model offers Change model instead of Retry, which opens the node's Model field", async () => {
    const cancelRetryWait = vi.fn();
    const focusNodeField = vi.fn();
    const { user, regenerate } = show(
      makeTurn(2, {
        status: "error",
        outputs: {},
        failedNodeId: nodeId("chat_llm"),
        error: {
          kind: "model-not-found",
          message: `The model "gpt-5x" does not exist at OpenAI: change it in the node's Model field.`,
        },
      }),
    );
    testStudio().setState({ focusNodeField, cancelRetryWait });
    expect(screen.queryByRole("button", { name: "Retry" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Change model" }));
    expect(focusNodeField).toHaveBeenCalledWith("chat_llm", "model");
    expect(regenerate).not.toHaveBeenCalled();
  });

  it("a rate-limited call counts down to its retry, and Cancel gives up waiting", async () => {
    const cancelRetryWait = vi.fn();
    const { user } = show(
      makeTurn(2, {
        status: "running",
        outputs: {},
        retrying: {
          nodeId: nodeId("chat_llm"),
          attempt: 1,
          until: Date.now() + 12_000,
          providerLabel: "OpenAI",
        },
      }),
    );
    testStudio().setState({ cancelRetryWait });
    expect(screen.getByText(/^Rate limited by OpenAI: retrying in 1[12] s…$/)).toBeTruthy();
    expect(screen.queryByText("Thinking…")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(cancelRetryWait).toHaveBeenCalledOnce();
  });

  it("a stopped turn says memory is untouched and offers Retry", async () => {
    const { user, regenerate } = show(
      makeTurn(2, {
        status: "aborted",
        outputs: { output: "one two" },
        error: { kind: "aborted", message: "Stopped." },
      }),
      { turnIndex: 1 },
    );
    expect(screen.getByText("Stopped. Memory is as it was before this message.")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByText("one two")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Retry" }));
    expect(regenerate).toHaveBeenCalledWith(1);
  });

  it("a turn a reload interrupted keeps its partial reply, says so, and offers Retry", async () => {
    const { user, regenerate } = show(
      makeTurn(2, { status: "interrupted", outputs: { output: "one two" } }),
      { turnIndex: 1 },
    );
    expect(screen.getByText(/^Interrupted: the page was reloaded or closed/)).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByText("one two")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Retry" }));
    expect(regenerate).toHaveBeenCalledWith(1);
  });

  it("only the newest turn's error is an alert, so older ones are not re-announced", () => {
    show(
      makeTurn(1, {
        status: "error",
        outputs: {},
        error: { kind: "network", message: "Could not reach it." },
      }),
      { latest: false },
    );
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByText("Could not reach it.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Retry" })).toBeTruthy();
  });

  it("Edit turns the message into a box; Send edit branches from that message", async () => {
    const { user, editMessage } = show(makeTurn(3, { input: "What is my name?" }), {
      turnIndex: 2,
    });
    await user.click(screen.getByRole("button", { name: "Edit message 3" }));
    const box = screen.getByRole("textbox", { name: "Edit message" });
    expect((box as HTMLTextAreaElement).value).toBe("What is my name?");
    expect(document.activeElement).toBe(box);

    await user.clear(box);
    await user.type(box, "What is my surname?");
    await user.click(screen.getByRole("button", { name: "Send edit" }));

    expect(editMessage).toHaveBeenCalledWith(2, "What is my surname?");
    expect(screen.queryByRole("textbox", { name: "Edit message" })).toBeNull();
  });

  it("Cancel (or Escape) leaves the message as it was and sends nothing", async () => {
    const { user, editMessage } = show(makeTurn(1));
    await user.click(screen.getByRole("button", { name: "Edit message 1" }));
    await user.type(screen.getByRole("textbox", { name: "Edit message" }), " more");
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.getByText("Message 1")).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Edit message 1" }));
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("textbox", { name: "Edit message" })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Edit message 1" }));
    expect(editMessage).not.toHaveBeenCalled();
  });

  it("the version switcher shows where we are and switches to the sibling run", async () => {
    const siblings = [runId("run-a"), runId("run-b"), runId("run-c")];
    const { user, switchBranch } = show(
      makeTurn(2, { runId: siblings[1], branch: { index: 1, count: 3, siblings } }),
      { turnIndex: 1 },
    );
    const versions = screen.getByRole("group", { name: "Versions of message 2: 2 of 3" });
    expect(versions.textContent).toContain("2 / 3");

    await user.click(within(versions).getByRole("button", { name: "Previous version" }));
    expect(switchBranch).toHaveBeenLastCalledWith(1, "run-a");
    await user.click(within(versions).getByRole("button", { name: "Next version" }));
    expect(switchBranch).toHaveBeenLastCalledWith(1, "run-c");
  });

  it("cannot go past the first or last version", () => {
    const siblings = [runId("run-a"), runId("run-b")];
    show(makeTurn(1, { runId: siblings[0], branch: { index: 0, count: 2, siblings } }));
    expect(screen.getByRole("button", { name: "Previous version" })).toHaveProperty(
      "disabled",
      true,
    );
    expect(screen.getByRole("button", { name: "Next version" })).toHaveProperty("disabled", false);
  });

  it("Regenerate asks again for this reply; Inspect opens the run in the Runs tab", async () => {
    const { user, regenerate, inspectRun } = show(makeTurn(5), { turnIndex: 4 });
    await user.click(screen.getByRole("button", { name: "Regenerate reply 5" }));
    expect(regenerate).toHaveBeenCalledWith(4);

    await user.click(screen.getByRole("button", { name: "Inspect run 5" }));
    expect(inspectRun).toHaveBeenCalledWith("run-5");
    expect(testStudio().getState().sideTab).toBe("runs");
  });

  it("while a run is in progress, nothing that would start another can be pressed", () => {
    const siblings = [runId("run-a"), runId("run-b")];
    show(makeTurn(1, { runId: siblings[1], branch: { index: 1, count: 2, siblings } }), {
      busy: true,
    });
    for (const name of ["Edit message 1", "Regenerate reply 1", "Previous version"]) {
      expect(screen.getByRole("button", { name })).toHaveProperty("disabled", true);
    }
    // Looking is still fine.
    expect(screen.getByRole("button", { name: "Inspect run 1" })).toHaveProperty("disabled", false);
  });

  it("a streaming turn has no actions yet, and a reply not started says Thinking", () => {
    show(makeTurn(1, { runId: undefined, status: "running", outputs: {} }));
    expect(screen.getByText("Thinking…")).toBeTruthy();
    expect(screen.queryAllByRole("button")).toEqual([]);
  });

  it("shows what each model saw of its memory under the reply", () => {
    show(makeTurn(2, { memoryNotes: ['chat_llm saw 2 messages of memory "chat_llm"'] }));
    expect(screen.getByText('chat_llm saw 2 messages of memory "chat_llm"')).toBeTruthy();
  });
});
