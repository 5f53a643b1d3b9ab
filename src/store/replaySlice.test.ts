import { afterEach, describe, expect, it } from "vitest";
import type { LlmProvider } from "../engine/provider";
import { recordedSettings } from "../engine/replayCall";
import type { NodeRecord } from "../engine/runSnapshot";
import { STORE } from "../storage/dbSchema";
import { defined, openTestStudio, type TestStudio } from "./storeTestSupport";

const studios: TestStudio[] = [];
afterEach(async () => {
  for (const s of studios.splice(0)) await s.state().dispose();
});

/** Every record of every store that holds chat or memory, to compare before and after. */
async function everything(studio: TestStudio) {
  const db = studio.storage.db;
  const out: Record<string, unknown[]> = {};
  for (const name of [STORE.runs, STORE.memoryMessages, STORE.conversations, STORE.settings])
    out[name] = await db.getAll(name);
  return JSON.stringify(out);
}

describe("replaying a call from the store", () => {
  it("sends the call with the new window over the provider and writes nothing", async () => {
    const received: string[][] = [];
    const provider: LlmProvider = async (request) => {
      received.push(request.messages.map((m) => m.content));
      request.onDelta(`R${received.length}`);
      return { text: `R${received.length}`, usage: { inputTokens: 3, outputTokens: 1 } };
    };
    const studio = await openTestStudio({ providers: async () => provider });
    studios.push(studio);
    for (const text of ["U1", "U2", "U3"]) await studio.state().send(text);
    const run = defined(studio.state().runs[2], "third run");
    const node = defined(
      run.nodes.find((n): n is NodeRecord & { llm: NonNullable<NodeRecord["llm"]> } => !!n.llm),
      "LLM call",
    );
    const before = await everything(studio);

    await studio.state().replayCall({
      runId: run.id,
      nodeId: node.nodeId,
      llm: node.llm,
      settings: { ...recordedSettings(node.llm), windowSize: 1 },
    });

    const [replay] = studio.state().replays;
    expect(replay).toMatchObject({ status: "ok", reply: "R4", number: 1, runId: run.id });
    // The memory at the third call was [U1, R1, U2, R2]: a window of 1 keeps R2.
    expect(received.at(-1)).toEqual(["You are a helpful assistant.", "R2", "U3"]);
    expect(replay?.prepared?.call.dropped.count).toBe(3);
    expect(await everything(studio)).toBe(before);
    expect(studio.state().runs).toHaveLength(3);
  });
});
