// @vitest-environment happy-dom
import { screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { SETTINGS } from "../../store/settingsKeys";
import { openTestStudio, setTestStudio } from "../studioTestSupport";
import { openSettingsFor, renderSettings, resetSettings } from "./settingsTestSupport";

afterEach(resetSettings);

const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement;
const describedBy = (element: HTMLElement) =>
  (element.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .map((id) => document.getElementById(id)?.textContent ?? "")
    .join(" ");

describe("Settings › Timeouts", () => {
  it("saves a timeout in whole seconds, and refuses one out of range, saying what stays", async () => {
    const { store: studio, storage } = await openTestStudio();
    setTestStudio(studio);
    const user = renderSettings();
    openSettingsFor(undefined);
    const start = field("Wait for a reply to start (seconds)");
    expect(start.value).toBe("60");

    await user.clear(start);
    await user.type(start, "0");
    expect(start.getAttribute("aria-invalid")).toBe("true");
    expect(describedBy(start)).toContain("Choose from 1 to 600 seconds. Until then: 60 s.");
    expect(studio.getState().callTimeouts.firstByteMs).toBe(60_000);

    await user.clear(start);
    await user.type(start, "15");
    expect(start.getAttribute("aria-invalid")).toBeNull();
    await waitFor(async () =>
      expect(await storage.settings.get(SETTINGS.callTimeouts)).toEqual({
        firstByteMs: 15_000,
        idleMs: 60_000,
      }),
    );

    const idle = field("Wait between parts of a reply (seconds)");
    await user.clear(idle);
    await user.type(idle, "2.5");
    // "2" was a timeout as it was typed; "2.5" is not, so 2 s stays, and the field says so.
    expect(describedBy(idle)).toContain("Enter a whole number of seconds");
    expect(describedBy(idle)).toContain("Until then: 2 s.");
    expect(studio.getState().callTimeouts.idleMs).toBe(2_000);
  });
});
