// @vitest-environment happy-dom
import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { testStudio } from "../studioTestSupport";
import { openSettingsFor, renderSettings, resetSettings } from "./settingsTestSupport";

afterEach(resetSettings);

describe("Settings: where keys go, and the passphrase", () => {
  it("lists the servers approved for a key, approves a typed one, and removes each", async () => {
    testStudio().setState({
      credentials: { openai: { apiKey: "sk-x", approvedOrigins: ["http://a.test:1"] } },
    });
    const user = renderSettings();
    openSettingsFor("openai");
    const list = screen.getByRole("list", { name: "Servers approved for the OpenAI key" });
    expect(within(list).getByText("http://a.test:1")).toBeTruthy();

    await user.type(screen.getByLabelText("Approve a server for the OpenAI key"), "ftp://b");
    await user.click(screen.getAllByRole("button", { name: "Approve" })[0] as HTMLElement);
    expect(screen.getByRole("alert").textContent).toContain("http:// or https://");

    const field = screen.getByLabelText("Approve a server for the OpenAI key");
    await user.clear(field);
    await user.type(field, "https://proxy.test/v1");
    await user.click(screen.getAllByRole("button", { name: "Approve" })[0] as HTMLElement);
    expect(testStudio().getState().credentials.openai?.approvedOrigins).toEqual([
      "http://a.test:1",
      "https://proxy.test",
    ]);

    await user.click(
      screen.getByRole("button", { name: "Stop sending the OpenAI key to http://a.test:1" }),
    );
    expect(testStudio().getState().credentials.openai?.approvedOrigins).toEqual([
      "https://proxy.test",
    ]);
  });

  it("asks for the passphrase twice, and says plainly when the two differ", async () => {
    const user = renderSettings();
    openSettingsFor(undefined);
    await user.click(screen.getByLabelText("In this browser, locked with a passphrase"));
    await user.type(screen.getByLabelText("New passphrase"), "one");
    await user.type(screen.getByLabelText("Passphrase again"), "two");
    await user.click(screen.getByRole("button", { name: "Lock keys with this passphrase" }));
    expect(screen.getByRole("alert").textContent).toBe(
      "The two passphrases differ: type the same one twice.",
    );
    expect(testStudio().getState().keyStorage).toBe("browser");
  });

  it("when locked: the key fields are disabled until the keys are unlocked", async () => {
    testStudio().setState({ keyStorage: "passphrase", keysLocked: true });
    const user = renderSettings();
    openSettingsFor(undefined);
    expect((screen.getByLabelText("OpenAI API key") as HTMLInputElement).disabled).toBe(true);
    await user.type(screen.getByLabelText("Passphrase"), "anything");
    await user.click(screen.getByRole("button", { name: "Unlock keys" }));
    // No sealed keys are stored in this test store: unlocking has nothing to open.
    await waitFor(() => expect(testStudio().getState().keysLocked).toBe(false));
    expect((screen.getByLabelText("OpenAI API key") as HTMLInputElement).disabled).toBe(false);
  });
});
