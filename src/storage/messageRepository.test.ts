import { afterEach, describe, expect, it } from "vitest";
import { messageId } from "../engine/ids";
import { CorruptStorageError } from "./storageErrors";
import { chain, openTestStorage } from "./storageTestSupport";
import type { StudioStorage } from "./studioStorage";

let storage: StudioStorage | undefined;
afterEach(() => {
  storage?.close();
  storage = undefined;
});

describe("MessageRepository", () => {
  it("resolves the ids a run recorded, in the order given", async () => {
    storage = await openTestStorage();
    const log = chain("m", ["U1", "A1", "U2", "A2"]);
    await storage.saver.appendMessages(log);

    const resolved = await storage.messages.resolve([
      messageId("m-2"),
      messageId("m-0"),
      messageId("m-3"),
    ]);
    expect(resolved.map((m) => m.content)).toEqual(["U2", "U1", "A2"]);
    expect(await storage.messages.resolve([])).toEqual([]);
  });

  it("names the id it cannot find", async () => {
    storage = await openTestStorage();
    await storage.saver.appendMessages(chain("m", ["U1"]));
    const missing = storage.messages.resolve([messageId("m-0"), messageId("ghost")]);
    await expect(missing).rejects.toThrow(CorruptStorageError);
    await expect(storage.messages.resolve([messageId("ghost")])).rejects.toThrow(/ghost/);
  });
});
