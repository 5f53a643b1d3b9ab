// @vitest-environment happy-dom
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { conversationId, flowId } from "../../engine/ids";
import type { ConversationRecord } from "../../storage/dbSchema";
import { render } from "../studioTestSupport";
import { ConversationBar } from "./ConversationBar";
import { resetStores, stubStudio } from "./chatTestSupport";

afterEach(() => {
  cleanup();
  resetStores();
});

/** The rename form loads on first use (import()): wait for it, generously on a busy machine. */
const findTitleField = () =>
  screen.findByRole("textbox", { name: "Conversation title" }, { timeout: 10_000 });

/** The delete confirmation loads on first use too. */
const findDeleteDialog = (name?: string) =>
  screen.findByRole("alertdialog", name ? { name } : {}, { timeout: 10_000 });

const conversation = (id: string, title: string, updatedAt: number): ConversationRecord => ({
  id: conversationId(id),
  flowId: flowId("flow-1"),
  title,
  createdAt: 0,
  updatedAt,
  headRunId: null,
});

const OLD = conversation("c-old", "Trip to Lisbon", 1_000);
const NEW = conversation("c-new", "Hi! My name is David", 3_000);
const MID = conversation("c-mid", "Recipe ideas", 2_000);

function setup({ open = "c-mid" as string | null, running = false } = {}) {
  const actions = stubStudio({
    conversations: [OLD, NEW, MID],
    conversationId: open === null ? null : conversationId(open),
    running: running ? new AbortController() : null,
  });
  render(<ConversationBar />);
  return { user: userEvent.setup(), ...actions };
}

const picker = () => screen.getByRole("combobox", { name: "Conversations" }) as HTMLSelectElement;

describe("ConversationBar", () => {
  it("lists the conversations newest first, the open one selected", () => {
    setup();
    const options = within(picker()).getAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual([
      "Hi! My name is David",
      "Recipe ideas",
      "Trip to Lisbon",
    ]);
    expect(picker().value).toBe("c-mid");
  });

  it("opens the conversation the user picks", async () => {
    const { user, openConversation } = setup();
    await user.selectOptions(picker(), "Trip to Lisbon");
    expect(openConversation).toHaveBeenCalledWith("c-old");
  });

  it("a new conversation not yet saved shows as such, with nothing to rename or delete", () => {
    setup({ open: null });
    expect(picker().selectedOptions[0]?.textContent).toBe("New conversation (not started)");
    expect(screen.getByRole("button", { name: "Rename conversation" })).toHaveProperty(
      "disabled",
      true,
    );
    expect(screen.getByRole("button", { name: "Delete conversation" })).toHaveProperty(
      "disabled",
      true,
    );
  });

  it("New conversation starts one", async () => {
    const { user, newConversation } = setup();
    await user.click(screen.getByRole("button", { name: "New conversation" }));
    expect(newConversation).toHaveBeenCalled();
  });

  it("renames in place: Enter saves the trimmed title and focus returns to Rename", async () => {
    const { user, renameConversation } = setup();
    await user.click(screen.getByRole("button", { name: "Rename conversation" }));
    const title = await findTitleField();
    expect((title as HTMLInputElement).value).toBe("Recipe ideas");
    await user.clear(title);
    await user.type(title, "  Dinner plans  {Enter}");
    expect(renameConversation).toHaveBeenCalledWith("c-mid", "Dinner plans");
    expect(document.activeElement).toBe(
      screen.getByRole("button", { name: "Rename conversation" }),
    );
  });

  it("an empty title cannot be saved, and Escape keeps the old one", async () => {
    const { user, renameConversation } = setup();
    await user.click(screen.getByRole("button", { name: "Rename conversation" }));
    await user.clear(await findTitleField());
    expect(screen.getByRole("button", { name: "Save title" })).toHaveProperty("disabled", true);
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("textbox", { name: "Conversation title" })).toBeNull();
    expect(renameConversation).not.toHaveBeenCalled();
  });

  it("asks before deleting; Cancel keeps the conversation", async () => {
    const { user, deleteConversation } = setup();
    await user.click(screen.getByRole("button", { name: "Delete conversation" }));
    const dialog = await findDeleteDialog("Delete “Recipe ideas”?");
    expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "Cancel" }));
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(deleteConversation).not.toHaveBeenCalled();
  });

  it("Delete in the dialog deletes the open conversation", async () => {
    const { user, deleteConversation } = setup();
    await user.click(screen.getByRole("button", { name: "Delete conversation" }));
    await user.click(within(await findDeleteDialog()).getByRole("button", { name: "Delete" }));
    expect(deleteConversation).toHaveBeenCalledWith("c-mid");
    expect(screen.queryByRole("alertdialog")).toBeNull();
  });

  it("while a reply is coming, switching, starting and deleting wait", () => {
    setup({ running: true });
    expect(picker().disabled).toBe(true);
    expect(screen.getByRole("button", { name: "New conversation" })).toHaveProperty(
      "disabled",
      true,
    );
    expect(screen.getByRole("button", { name: "Delete conversation" })).toHaveProperty(
      "disabled",
      true,
    );
  });
});
