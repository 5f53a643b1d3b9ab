// @vitest-environment happy-dom
import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { render, resetTestStudio, setTestStudio, stubStudioStore } from "../studioTestSupport";
import { StorageSection } from "./StorageSection";

const MB = 1024 * 1024;

/** A browser whose navigator.storage answers with these numbers. */
function stubStorage(usage: number, quota: number, persisted = false, grants = true) {
  const storage = {
    estimate: vi.fn(async () => ({ usage, quota })),
    persisted: vi.fn(async () => persisted),
    persist: vi.fn(async () => grants),
  };
  setTestStudio(stubStudioStore({ storageManager: storage }));
  return storage;
}

afterEach(() => {
  cleanup();
  resetTestStudio();
});

describe("StorageSection", () => {
  it("shows the space used and the quota, and warns above 80%", async () => {
    stubStorage(85 * MB, 100 * MB);
    render(<StorageSection />);
    expect(await screen.findByText("Space used: 85 MB of 100 MB (85%).")).toBeTruthy();
    expect(screen.getByRole("alert").textContent).toContain("Storage is nearly full (85% used)");
  });

  it("does not warn at 80% or below", async () => {
    stubStorage(80 * MB, 100 * MB);
    render(<StorageSection />);
    expect(await screen.findByText("Space used: 80 MB of 100 MB (80%).")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("asks for persistent storage and shows that it was granted", async () => {
    const storage = stubStorage(1 * MB, 100 * MB);
    render(<StorageSection />);
    const ask = await screen.findByRole("button", { name: "Ask for persistent storage" });
    expect(screen.getByText("not granted")).toBeTruthy();
    await userEvent.click(ask);
    expect(storage.persist).toHaveBeenCalled();
    expect(await screen.findByText("granted")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Ask for persistent storage" })).toBeNull();
  });

  it("says so when the browser refuses persistent storage", async () => {
    stubStorage(1 * MB, 100 * MB, false, false);
    render(<StorageSection />);
    await userEvent.click(
      await screen.findByRole("button", { name: "Ask for persistent storage" }),
    );
    expect(await screen.findByText(/The browser said no/)).toBeTruthy();
  });
});
