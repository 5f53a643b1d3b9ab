import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  Conversation,
  loadFlow,
  recordingLlm,
  withProvider,
} from "../../test/helpers/engineHarness";
import { HOSTILE_NAMES, withHostileNames } from "../../test/helpers/hostileNames";
import { InMemorySaver } from "./InMemorySaver";
import { memoryHead } from "./saver";
import { validateFlow } from "./validateFlow";

/*
 * Memory ids and node ids are names users choose, and "__proto__", "constructor" or "valueOf"
 * are valid ones. The seed scenarios must behave exactly the same under such names: every
 * call receives the same messages, every output the same text (docs/memory.md).
 */

const SEEDS = [
  "chat-with-memory",
  "chat-without-memory",
  "memory-window-5",
  "window-0",
  "shared-memory-sequence",
  "shared-memory-parallel",
];
const TURNS = ["U1", "U2", "U3", "U4", "U5"];

async function chatThrough(flow: ReturnType<typeof loadFlow>) {
  const llm = recordingLlm();
  const saver = new InMemorySaver();
  const chat = new Conversation(flow, saver, llm.providers);
  const runs = [];
  for (const turn of TURNS) runs.push(await chat.say(turn));
  return { calls: llm.calls.map((c) => c.messages), runs, saver };
}

const names = fc.shuffledSubarray([...HOSTILE_NAMES], {
  minLength: HOSTILE_NAMES.length,
  maxLength: HOSTILE_NAMES.length,
});

describe("seed scenarios under node and memory ids that Object.prototype already uses", () => {
  for (const seed of SEEDS) {
    it(`${seed}: the same calls and outputs, turn after turn`, async () => {
      const plain = withProvider(loadFlow(seed), "openai");
      const expected = await chatThrough(plain);
      await fc.assert(
        fc.asyncProperty(names, names, async (nodeNames, memoryNames) => {
          const hostile = withHostileNames(plain, nodeNames, memoryNames);
          expect(validateFlow(hostile.flow).filter((p) => p.severity === "error")).toEqual([]);
          const actual = await chatThrough(hostile.flow);
          expect(actual.calls).toEqual(expected.calls);
          for (const [i, run] of actual.runs.entries()) {
            const want = expected.runs[i];
            expect(run.status).toBe("ok");
            for (const [from, to] of hostile.nodes) {
              if (want?.outputs[from] !== undefined)
                expect(run.outputs[to]).toBe(want.outputs[from]);
            }
            // Every memory's head is its own entry, readable back to the same log.
            for (const [from, to] of hostile.memories) {
              const mine = await actual.saver.readBack(memoryHead(run.memoryHeads, to), 100);
              const theirs = await expected.saver.readBack(
                memoryHead(want?.memoryHeads ?? {}, from),
                100,
              );
              expect(mine.map((m) => m.content)).toEqual(theirs.map((m) => m.content));
            }
          }
        }),
        { numRuns: 8 },
      );
    });
  }
});
