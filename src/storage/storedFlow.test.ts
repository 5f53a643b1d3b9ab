import { afterEach, describe, expect, it } from "vitest";
import { FLOW_SCHEMA, FLOW_VERSION, type Flow } from "../engine/flow";
import { nodeId } from "../engine/ids";
import { BackupRepository } from "./backupRepository";
import { STORE } from "./dbSchema";
import { openDatabase } from "./openDatabase";
import { FLOW_1, FLOW_2, freshIndexedDB, testFlow } from "./storageTestSupport";
import { FLOW_TEXT_ABOVE_NODES } from "./storedFlow";
import { createStudioStorage, type StudioStorage } from "./studioStorage";

/** A chain of `count` nodes: input, LLM nodes, output. */
function chainFlow(count: number, name = "Big"): Flow {
  const ids = Array.from({ length: count }, (_, i) => nodeId(`n${i}`));
  return {
    schema: FLOW_SCHEMA,
    version: FLOW_VERSION,
    name,
    nodes: ids.map((id, i) => ({
      id,
      type: "llm",
      position: { x: i * 10, y: 0 },
      config: { provider: "echo", model: "echo" },
    })),
    edges: ids.slice(1).map((id, i) => ({ source: ids[i] as typeof id, target: id })),
  };
}

let storage: StudioStorage | undefined;
afterEach(() => storage?.close());

async function open() {
  const db = await openDatabase({ indexedDB: freshIndexedDB() });
  storage = createStudioStorage(db);
  return { db, storage };
}

describe("large flows in IndexedDB", () => {
  it("stores a flow of over FLOW_TEXT_ABOVE_NODES nodes as text and reads it back the same", async () => {
    const { db, storage } = await open();
    const big = chainFlow(FLOW_TEXT_ABOVE_NODES + 1);
    await storage.flows.save(FLOW_1, big);
    await storage.flows.save(FLOW_2, testFlow("Small"));

    const raw = await db.get(STORE.flows, FLOW_1);
    expect(typeof raw?.flowText).toBe("string");
    expect(raw?.flow).toBeUndefined();
    // A small flow stays an object, as every other reader of the store expects.
    expect((await db.get(STORE.flows, FLOW_2))?.flow?.name).toBe("Small");

    expect((await storage.flows.get(FLOW_1))?.flow).toEqual(big);
    expect((await storage.flows.list()).map((r) => r.flow.name).sort()).toEqual(["Big", "Small"]);
    expect((await storage.flows.summaries()).map((s) => s.name).sort()).toEqual(["Big", "Small"]);
  });

  it("keeps counting revisions across saves, and a backup holds the flow itself", async () => {
    const { storage } = await open();
    const big = chainFlow(FLOW_TEXT_ABOVE_NODES + 5);
    await storage.flows.save(FLOW_1, big);
    const second = await storage.flows.save(FLOW_1, { ...big, name: "Renamed" }, 1);
    expect(second.revision).toBe(2);
    const keys = { theme: "theme", viewport: (id: string) => `viewport:${id}` };
    const backup = await new BackupRepository(storage.db, keys).readAll();
    expect(backup.flows[0]?.flow.name).toBe("Renamed");
    expect(backup.flows[0]?.flow.nodes).toHaveLength(big.nodes.length);
  });
});

describe("a flow stored as text that cannot be parsed", () => {
  it("is listed by its name and read without a flow, instead of throwing", async () => {
    storage = createStudioStorage(await openDatabase({ indexedDB: freshIndexedDB() }));
    await storage.db.put(STORE.flows, {
      id: FLOW_1,
      name: "Cut short",
      flowText: '{"nodes": [',
      revision: 1,
      createdAt: 1,
      updatedAt: 1,
    } as never);
    expect((await storage.flows.summaries()).map((s) => s.name)).toEqual(["Cut short"]);
    const record = await storage.flows.get(FLOW_1);
    expect(record?.id).toBe(FLOW_1);
    expect(record?.flow).toBeNull();
  });
});
