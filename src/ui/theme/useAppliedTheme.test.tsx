// @vitest-environment happy-dom
import { act, cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { render, resetTestStudio, testStudio } from "../studioTestSupport";
import { stubSystemTheme } from "./systemThemeStub";
import { useAppliedTheme } from "./useAppliedTheme";

function Probe() {
  return <output>{useAppliedTheme()}</output>;
}

const pageTheme = () => document.documentElement.dataset.theme;

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  resetTestStudio();
  delete document.documentElement.dataset.theme;
});

describe("useAppliedTheme", () => {
  it("shows the page dark when the theme is System and the OS is dark, and follows the OS", () => {
    const system = stubSystemTheme(true);
    testStudio().setState({ theme: "system" });
    render(<Probe />);
    expect(pageTheme()).toBe("dark");
    expect(screen.getByRole("status").textContent).toBe("dark");

    act(() => system.setDark(false));
    expect(pageTheme()).toBe("light");
    expect(screen.getByRole("status").textContent).toBe("light");
  });

  it("keeps a chosen theme whatever the OS prefers", () => {
    const system = stubSystemTheme(true);
    testStudio().setState({ theme: "light" });
    render(<Probe />);
    expect(pageTheme()).toBe("light");

    act(() => system.setDark(false));
    act(() => testStudio().setState({ theme: "dark" }));
    expect(pageTheme()).toBe("dark");
    expect(screen.getByRole("status").textContent).toBe("dark");
  });

  it("stops listening to the OS once unmounted", () => {
    const system = stubSystemTheme(false);
    const { unmount } = render(<Probe />);
    expect(system.listenerCount()).toBe(1);
    unmount();
    expect(system.listenerCount()).toBe(0);
  });
});
