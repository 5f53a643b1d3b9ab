// @vitest-environment happy-dom
import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { render, resetTestStudio, testStudio } from "../studioTestSupport";
import { stubSystemTheme } from "./systemThemeStub";
import { ThemeToggle } from "./ThemeToggle";
import { useAppliedTheme } from "./useAppliedTheme";

function Shell() {
  useAppliedTheme();
  return <ThemeToggle />;
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  resetTestStudio();
  delete document.documentElement.dataset.theme;
});

describe("ThemeToggle", () => {
  it("cycles System → Light → Dark → System, repainting the page and saving the choice", async () => {
    stubSystemTheme(true);
    // No storage is open in this test: setTheme only sets the state, which is what we check.
    const setTheme = vi.spyOn(testStudio().getState(), "setTheme");
    testStudio().setState({ theme: "system", setTheme });
    const user = userEvent.setup();
    render(<Shell />);

    const button = screen.getByRole("button", { name: "Theme: System" });
    expect(document.documentElement.dataset.theme).toBe("dark");

    await user.click(button);
    expect(setTheme).toHaveBeenLastCalledWith("light");
    expect(button.getAttribute("aria-label")).toBe("Theme: Light");
    expect(document.documentElement.dataset.theme).toBe("light");
    expect(screen.getByRole("status").textContent).toBe("Theme: Light");

    await user.click(button);
    expect(screen.getByRole("button", { name: "Theme: Dark" })).toBe(button);
    expect(document.documentElement.dataset.theme).toBe("dark");

    await user.click(button);
    expect(screen.getByRole("button", { name: "Theme: System" })).toBe(button);
    expect(setTheme.mock.calls.map(([theme]) => theme)).toEqual(["light", "dark", "system"]);
  });
});
