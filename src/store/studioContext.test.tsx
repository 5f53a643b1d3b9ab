// @vitest-environment happy-dom
import { act, cleanup, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { createStudioStore } from "./createStudioStore";
import { fakeBrowserServices } from "./storeTestSupport";
import { StudioProvider, useStudio } from "./studioContext";
import { useUi } from "./uiStore";

afterEach(cleanup);

describe("the studio store in React", () => {
  it("gives each tree its own store, and re-renders on the slice it selects", () => {
    const store = createStudioStore({
      storage: () => new Promise(() => {}),
      browser: fakeBrowserServices(),
    });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <StudioProvider store={store}>{children}</StudioProvider>
    );
    const { result } = renderHook(() => [useStudio((s) => s.status), useUi((s) => s.sideTab)], {
      wrapper,
    });
    expect(result.current).toEqual(["loading", "chat"]);
    act(() => store.getState().setSideTab("memory"));
    expect(result.current).toEqual(["loading", "memory"]);
  });

  it("says what is missing when a component is rendered without a provider", () => {
    expect(() => renderHook(() => useStudio((s) => s.status))).toThrow(/StudioProvider/);
  });
});
