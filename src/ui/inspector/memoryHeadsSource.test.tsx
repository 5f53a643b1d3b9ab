// @vitest-environment happy-dom
import { cleanup, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it } from "vitest";
import type { TestStudio } from "../../store/storeTestSupport";
import { StudioProvider } from "../../store/studioStore";
import { openTestStudio } from "../studioTestSupport";
import { useMemoryHeads } from "./memoryHeadsSource";

let studio: TestStudio;
afterEach(async () => {
  cleanup();
  await studio.state().dispose();
  studio.storage.close();
});

describe("useMemoryHeads", () => {
  it("reads the conversation's latest run once, and keeps one saver across renders", async () => {
    studio = await openTestStudio();
    await studio.state().send("Hello");
    const wrapper = ({ children }: { children: ReactNode }) => (
      <StudioProvider store={studio.store}>{children}</StudioProvider>
    );
    const { result, rerender } = renderHook(() => useMemoryHeads(undefined), { wrapper });
    await waitFor(() => expect(result.current.status).toBe("ready"));
    const first = result.current;
    if (first.status !== "ready") throw new Error("not ready");
    expect(first.heads.chat_llm).toBe(studio.state().runs[0]?.memoryHeads.chat_llm);
    rerender();
    // The same saver: a preview keyed on it does not read again on every render.
    expect(result.current.status === "ready" && result.current.saver).toBe(first.saver);
  });

  it("needs no storage for a new conversation", async () => {
    studio = await openTestStudio();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <StudioProvider store={studio.store}>{children}</StudioProvider>
    );
    const { result } = renderHook(() => useMemoryHeads(undefined), { wrapper });
    expect(result.current).toEqual({ status: "ready", saver: null, heads: {} });
  });
});
