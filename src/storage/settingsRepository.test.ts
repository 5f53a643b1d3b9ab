import { afterEach, describe, expect, it } from "vitest";
import { freshIndexedDB, openTestStorage } from "./storageTestSupport";
import type { StudioStorage } from "./studioStorage";

let storage: StudioStorage | undefined;
afterEach(() => {
  storage?.close();
  storage = undefined;
});

describe("SettingsRepository", () => {
  it("keeps JSON settings across a reload and forgets deleted ones", async () => {
    const indexedDB = freshIndexedDB();
    const first = await openTestStorage(indexedDB);
    const providers = { openai: { model: "gpt-4o-mini" }, temperature: 0.2, tags: ["a", "b"] };
    await first.settings.put("providers", providers);
    await first.settings.put("theme", "dark");
    await first.settings.delete("theme");
    first.close();

    storage = await openTestStorage(indexedDB);
    expect(await storage.settings.get("providers")).toEqual(providers);
    expect(await storage.settings.get("theme")).toBeUndefined();
  });
});
