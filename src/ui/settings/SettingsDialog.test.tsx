// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { SETTINGS } from "../../store/settingsKeys";
import { openTestStudio, setTestStudio, testStudio } from "../studioTestSupport";
import { openSettingsFor, renderSettings, resetSettings } from "./settingsTestSupport";

afterEach(resetSettings);

const dialog = () => screen.getByRole("dialog", { name: "Settings" }) as HTMLDialogElement;
const keyField = (name: string) => screen.getByLabelText(name) as HTMLInputElement;
const describedBy = (element: HTMLElement) =>
  (element.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .map((id) => document.getElementById(id)?.textContent ?? "")
    .join(" ");

describe("SettingsDialog", () => {
  it("opens from the header button, closes with Close or Escape, and gives focus back", async () => {
    const user = renderSettings();
    const opener = screen.getByRole("button", { name: "Settings" });
    await user.click(opener);
    const settings = dialog();
    expect(settings.open).toBe(true);
    expect(settings.contains(document.activeElement)).toBe(true);
    for (const title of ["OpenAI", "Anthropic", "Google", "OpenAI-compatible", "Storage"]) {
      expect(screen.getByRole("heading", { name: title })).toBeTruthy();
    }

    await user.click(screen.getByRole("button", { name: "Close" }));
    await waitFor(() => expect(testStudio().getState().settings.open).toBe(false));
    expect(settings.open).toBe(false);
    expect(document.activeElement).toBe(opener);

    await user.click(opener);
    await user.keyboard("{Escape}");
    await waitFor(() => expect(settings.open).toBe(false));
    expect(testStudio().getState().settings.open).toBe(false);
    expect(document.activeElement).toBe(opener);
  });

  it("opened for a provider, puts the cursor in that provider's key field", () => {
    renderSettings();
    openSettingsFor("anthropic");
    expect(document.activeElement).toBe(keyField("Anthropic API key"));
  });

  it("names every field for its provider, and says where the key goes", () => {
    renderSettings();
    openSettingsFor(undefined);
    for (const title of ["OpenAI", "Anthropic", "Google", "OpenAI-compatible"]) {
      expect(keyField(`${title} API key`).type).toBe("password");
      expect(keyField(`${title} base URL`)).toBeTruthy();
      expect(screen.getByRole("button", { name: `Test connection to ${title}` })).toBeTruthy();
    }
    expect(describedBy(keyField("Google API key"))).toBe(
      "Stays in this browser. Sent only to Google at the addresses below, even when a flow points elsewhere. Never written to an exported file, a URL or the console.",
    );
    expect(keyField("OpenAI base URL").placeholder).toBe("https://api.openai.com/v1");
    expect(keyField("OpenAI-compatible base URL").placeholder).toBe("http://localhost:11434/v1");
    expect(describedBy(keyField("OpenAI-compatible base URL"))).toContain("Required");
  });

  it("links each hosted provider's page for API keys, in a new tab; a local server has none", () => {
    renderSettings();
    openSettingsFor(undefined);
    const link = screen.getByRole("link", { name: "Get an API key from Google" });
    expect(link.getAttribute("href")).toBe("https://aistudio.google.com/apikey");
    expect(link.getAttribute("target")).toBe("_blank");
    expect(link.getAttribute("rel")).toContain("noreferrer");
    expect(screen.getByRole("link", { name: "Get an API key from Anthropic" })).toBeTruthy();
    expect(screen.queryByRole("link", { name: /OpenAI-compatible/ })).toBeNull();
  });

  it("saves a typed key in this browser's storage, and never shows it as text", async () => {
    const { store, storage } = await openTestStudio();
    setTestStudio(store);
    const user = renderSettings();
    openSettingsFor("openai");
    await user.type(keyField("OpenAI API key"), "sk-typed-123");

    expect(testStudio().getState().credentials.openai?.apiKey).toBe("sk-typed-123");
    expect(await storage.settings.get(SETTINGS.credentials)).toEqual({
      openai: { apiKey: "sk-typed-123" },
    });
    expect(document.body.textContent).not.toContain("sk-typed-123");
    await store.getState().dispose();
    storage.close();
  });

  it("keeps a base URL only once it is an http(s) address, and says why it is refused", async () => {
    const user = renderSettings();
    openSettingsFor(undefined);
    const field = keyField("OpenAI-compatible base URL");
    await user.type(field, "localhost:11434");
    expect(describedBy(field)).toContain("Use an http:// or https:// address.");
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(testStudio().getState().credentials["openai-compatible"]).toBeUndefined();
    const test = screen.getByRole("button", { name: "Test connection to OpenAI-compatible" });
    expect((test as HTMLButtonElement).disabled).toBe(true);

    await user.clear(field);
    await user.type(field, "http://localhost:11434/v1");
    expect(field.getAttribute("aria-invalid")).toBeNull();
    expect(testStudio().getState().credentials["openai-compatible"]?.baseUrl).toBe(
      "http://localhost:11434/v1",
    );
  });

  it("for this session only: deletes the saved keys, keeps them on screen for this tab", async () => {
    const { store, storage } = await openTestStudio();
    setTestStudio(store);
    const user = renderSettings();
    openSettingsFor("anthropic");
    await user.type(keyField("Anthropic API key"), "sk-ant-secret");
    await waitFor(async () =>
      expect(await storage.settings.get(SETTINGS.credentials)).toEqual({
        anthropic: { apiKey: "sk-ant-secret" },
      }),
    );

    const keep = screen.getByRole("radiogroup", { name: "Keep API keys" });
    expect(keep).toBeTruthy();
    await user.click(screen.getByRole("radio", { name: "For this session only" }));

    await waitFor(async () =>
      expect(await storage.settings.get(SETTINGS.credentials)).toBeUndefined(),
    );
    expect(await storage.settings.get(SETTINGS.keyStorage)).toBe("session");
    expect(
      (screen.getByRole("radio", { name: "For this session only" }) as HTMLInputElement).checked,
    ).toBe(true);
    expect(keyField("Anthropic API key").value).toBe("sk-ant-secret");

    // A key typed now stays out of IndexedDB too.
    await user.type(keyField("OpenAI API key"), "sk-later");
    expect(testStudio().getState().credentials.openai?.apiKey).toBe("sk-later");
    expect(await storage.settings.get(SETTINGS.credentials)).toBeUndefined();
    await store.getState().dispose();
    storage.close();
  });

  it("closes on a click on the backdrop, but not when a press inside ends outside", async () => {
    renderSettings();
    openSettingsFor(undefined);
    const settings = dialog();
    // The test DOM lays nothing out: the dialog's box is empty, so (5, 5) is outside it.
    const outside = { clientX: 5, clientY: 5 };
    fireEvent.pointerDown(keyField("OpenAI API key"), outside);
    fireEvent.click(settings, outside);
    expect(settings.open).toBe(true);

    fireEvent.pointerDown(settings, outside);
    fireEvent.click(settings, outside);
    await waitFor(() => expect(testStudio().getState().settings.open).toBe(false));
    expect(settings.open).toBe(false);
  });

  it("asks before a close would drop text it has not saved, and keeps it on Keep editing", async () => {
    const user = renderSettings();
    openSettingsFor(undefined);
    const settings = dialog();
    await user.type(keyField("OpenAI base URL"), "api.example.com");
    await user.keyboard("{Escape}");

    const ask = screen.getByRole("alertdialog", {
      name: "Close Settings and drop what is not saved?",
    });
    expect(ask.textContent).toContain("Not saved: OpenAI base URL (not valid yet).");
    await user.click(within(ask).getByRole("button", { name: "Keep editing" }));
    expect(settings.open).toBe(true);
    expect(document.activeElement).toBe(keyField("OpenAI base URL"));
    expect(keyField("OpenAI base URL").value).toBe("api.example.com");

    // The backdrop and the Close button ask the same; this time the user lets it go.
    await user.click(screen.getByRole("button", { name: "Close" }));
    await user.click(screen.getByRole("button", { name: "Close without them" }));
    await waitFor(() => expect(testStudio().getState().settings.open).toBe(false));
    expect(testStudio().getState().credentials.openai).toBeUndefined();
  });
});
