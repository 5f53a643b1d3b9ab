// @vitest-environment happy-dom
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { flowId } from "../../engine/ids";
import { STARTER_FLOWS } from "../../engine/starterFlows";
import { useFlowStore } from "../../store/flowStore";
import { render, resetTestStudio, testStudio } from "../studioTestSupport";
import { FlowMenu } from "./FlowMenu";

const CHAT = flowId("flow-chat");
const SHARED = flowId("flow-shared");
const initialFlow = useFlowStore.getState();

/** Two saved flows, "Chat with memory" open, every studio action a stub. */
function setup({ running = false } = {}) {
  const actions = {
    openFlow: vi.fn(async () => {}),
    createFlow: vi.fn(async () => flowId("flow-new")),
    renameFlow: vi.fn(async () => {}),
    duplicateFlow: vi.fn(async () => flowId("flow-copy")),
    deleteFlow: vi.fn(async () => {}),
  };
  testStudio().setState({
    status: "ready",
    flows: [
      { id: CHAT, name: "Chat with memory", updatedAt: Date.now() - 120_000 },
      { id: SHARED, name: "Two LLMs sharing one memory", updatedAt: Date.now() - 7_200_000 },
    ],
    running: running ? new AbortController() : null,
    ...actions,
  });
  useFlowStore.setState({ flowId: CHAT, flow: STARTER_FLOWS.chatWithMemory.build() });
  render(<FlowMenu />);
  return { user: userEvent.setup(), ...actions };
}

const trigger = () => screen.getByRole("button", { name: "Flows: Chat with memory" });
const panel = () => screen.getByRole("dialog", { name: "Flows" });

/** Opens the panel; its code loads on the first opening, so it appears a moment later. */
async function openMenu(user: ReturnType<typeof userEvent.setup>) {
  await user.click(trigger());
  return screen.findByRole("dialog", { name: "Flows" });
}

afterEach(() => {
  cleanup();
  resetTestStudio();
  useFlowStore.setState(initialFlow, true);
});

describe("FlowMenu", () => {
  it("names the open flow and lists every flow, the open one marked and not reopenable", async () => {
    const { user } = setup();
    expect(trigger().getAttribute("aria-expanded")).toBe("false");
    const menu = await openMenu(user);

    expect(trigger().getAttribute("aria-expanded")).toBe("true");
    expect(menu.contains(document.activeElement)).toBe(true);
    const rows = within(menu).getAllByRole("listitem");
    expect(rows.map((row) => row.getAttribute("aria-current"))).toEqual(["true", null]);
    expect(within(rows[0] as HTMLElement).getByText("Current")).toBeTruthy();
    for (const name of ["Chat with memory", "Two LLMs sharing one memory"]) {
      for (const verb of ["Open", "Rename", "Duplicate", "Delete"]) {
        expect(within(menu).getByRole("button", { name: `${verb} ${name}` })).toBeTruthy();
      }
    }
    expect(screen.getByRole("button", { name: "Open Chat with memory" })).toHaveProperty(
      "disabled",
      true,
    );
  });

  it("closes on Escape and puts focus back on the Flows button", async () => {
    const { user } = setup();
    await openMenu(user);
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(trigger());
  });

  it("keeps Tab inside the panel", async () => {
    const { user } = setup();
    const menu = await openMenu(user);
    const newFlow = within(menu).getByRole("button", { name: "New flow" });
    expect(document.activeElement).toBe(newFlow);

    await user.tab({ shift: true });
    // The last control of the panel: Restore backup, under Backup.
    expect(document.activeElement).toBe(
      within(menu).getByRole("button", { name: "Restore backup" }),
    );
    await user.tab();
    expect(document.activeElement).toBe(newFlow);
  });

  it("opens another flow and closes", async () => {
    const { user, openFlow } = setup();
    await openMenu(user);
    await user.click(screen.getByRole("button", { name: "Open Two LLMs sharing one memory" }));
    expect(openFlow).toHaveBeenCalledWith(SHARED);
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("offers a blank flow and the six starter flows, with their descriptions, and creates the one chosen", async () => {
    const { user, createFlow } = setup();
    const menu = await openMenu(user);
    await user.click(within(menu).getByRole("button", { name: "New flow" }));

    const templates = within(menu).getByRole("region", { name: "Start from a template" });
    const buttons = within(templates).getAllByRole("button");
    expect(buttons).toHaveLength(7);
    expect(buttons[0]?.textContent).toBe("Blank flow");
    const windowOf5 = within(templates).getByRole("button", {
      name: "Memory window of 5",
      description: STARTER_FLOWS.memoryWindow5.description,
    });
    await user.click(windowOf5);

    expect(createFlow).toHaveBeenCalledTimes(1);
    expect(createFlow).toHaveBeenCalledWith("memoryWindow5");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(trigger());
  });

  it("refuses an empty name with a message and renames nothing; Escape keeps the old name", async () => {
    const { user, renameFlow } = setup();
    const menu = await openMenu(user);
    await user.click(screen.getByRole("button", { name: "Rename Chat with memory" }));
    const input = within(menu).getByRole("textbox", { name: "Flow name" });
    expect(document.activeElement).toBe(input);

    await user.clear(input);
    await user.type(input, "   {Enter}");
    expect(within(menu).getByRole("alert").textContent).toBe("A flow needs a name.");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(renameFlow).not.toHaveBeenCalled();

    await user.keyboard("{Escape}");
    expect(renameFlow).not.toHaveBeenCalled();
    expect(within(menu).queryByRole("textbox")).toBeNull();
    expect(panel()).toBe(menu);
    expect(document.activeElement).toBe(
      screen.getByRole("button", { name: "Rename Chat with memory" }),
    );
  });

  it("refuses the name of another flow", async () => {
    const { user, renameFlow } = setup();
    const menu = await openMenu(user);
    await user.click(screen.getByRole("button", { name: "Rename Chat with memory" }));
    const input = within(menu).getByRole("textbox", { name: "Flow name" });
    await user.clear(input);
    await user.type(input, "Two LLMs sharing one memory{Enter}");
    expect(within(menu).getByRole("alert").textContent).toContain("already called");
    expect(renameFlow).not.toHaveBeenCalled();
  });

  it("saves a new name with Enter", async () => {
    const { user, renameFlow } = setup();
    const menu = await openMenu(user);
    await user.click(screen.getByRole("button", { name: "Rename Chat with memory" }));
    const input = within(menu).getByRole("textbox", { name: "Flow name" });
    await user.clear(input);
    await user.type(input, "  Memory demo {Enter}");
    expect(renameFlow).toHaveBeenCalledWith(CHAT, "Memory demo");
    expect(within(menu).queryByRole("textbox")).toBeNull();
  });

  it("asks before deleting, with Cancel focused; Cancel deletes nothing", async () => {
    const { user, deleteFlow } = setup();
    await openMenu(user);
    const deleteButton = screen.getByRole("button", { name: "Delete Two LLMs sharing one memory" });
    await user.click(deleteButton);

    const confirm = screen.getByRole("alertdialog", {
      name: "Delete Two LLMs sharing one memory?",
    });
    expect(confirm.getAttribute("aria-modal")).toBe("true");
    expect(within(confirm).getByText(/conversations and their memories are deleted/)).toBeTruthy();
    expect(document.activeElement).toBe(within(confirm).getByRole("button", { name: "Cancel" }));

    await user.click(within(confirm).getByRole("button", { name: "Cancel" }));
    expect(deleteFlow).not.toHaveBeenCalled();
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(document.activeElement).toBe(deleteButton);
  });

  it("Escape in the confirmation cancels it but leaves the Flows panel open", async () => {
    const { user, deleteFlow } = setup();
    await openMenu(user);
    await user.click(screen.getByRole("button", { name: "Delete Chat with memory" }));
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(panel()).toBeTruthy();
    expect(deleteFlow).not.toHaveBeenCalled();
  });

  it("deletes the flow once confirmed", async () => {
    const { user, deleteFlow } = setup();
    const menu = await openMenu(user);
    await user.click(screen.getByRole("button", { name: "Delete Two LLMs sharing one memory" }));
    const confirm = screen.getByRole("alertdialog");
    await user.click(within(confirm).getByRole("button", { name: "Delete" }));
    expect(deleteFlow).toHaveBeenCalledTimes(1);
    expect(deleteFlow).toHaveBeenCalledWith(SHARED);
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(menu.contains(document.activeElement)).toBe(true);
  });

  it("says why flows cannot be switched during a run, and still allows renaming", async () => {
    const { user } = setup({ running: true });
    const menu = await openMenu(user);
    expect(within(menu).getByText(/A run is in progress/)).toBeTruthy();
    for (const name of [
      "New flow",
      "Open Two LLMs sharing one memory",
      "Duplicate Chat with memory",
      "Delete Chat with memory",
    ]) {
      expect(within(menu).getByRole("button", { name })).toHaveProperty("disabled", true);
    }
    expect(within(menu).getByRole("button", { name: "Rename Chat with memory" })).toHaveProperty(
      "disabled",
      false,
    );
  });

  it("reports a failed action and stays open", async () => {
    const { user, duplicateFlow } = setup();
    duplicateFlow.mockRejectedValueOnce(new Error("The disk is full"));
    const menu = await openMenu(user);
    await user.click(screen.getByRole("button", { name: "Duplicate Chat with memory" }));
    expect(within(menu).getByRole("alert").textContent).toBe(
      "Could not duplicate the flow: The disk is full",
    );
    expect(panel()).toBe(menu);
  });
});
