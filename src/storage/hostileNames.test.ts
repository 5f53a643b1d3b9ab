import { describe, expect, it } from "vitest";
import {
  Conversation,
  loadFlow,
  recordingLlm,
  withProvider,
} from "../../test/helpers/engineHarness";
import { HOSTILE_NAMES, withHostileNames } from "../../test/helpers/hostileNames";
import { freshIndexedDB, openTestStorage } from "./storageTestSupport";

/*
 * Node and memory ids that Object.prototype already uses, through the IndexedDB saver with the
 * database reopened between turns (what a reload does): the records come back from storage as
 * plain objects, and every memory must still be found under its own name.
 */
describe("the IndexedDB saver under node and memory ids like __proto__ and constructor", () => {
  for (const seed of ["memory-window-5", "shared-memory-sequence"]) {
    it(`${seed}: every call receives what it does under plain names`, async () => {
      const plain = withProvider(loadFlow(seed), "openai");
      const hostile = withHostileNames(plain, HOSTILE_NAMES, [...HOSTILE_NAMES].reverse());
      const received = [];
      for (const flow of [plain, hostile.flow]) {
        const indexedDB = freshIndexedDB();
        const llm = recordingLlm();
        let storage = await openTestStorage(indexedDB);
        const chat = new Conversation(flow, storage.saver, llm.providers);
        await storage.conversations.create({ flowId: chat.flowId, id: chat.id });
        for (const u of ["U1", "U2", "U3", "U4", "U5"]) {
          const run = await chat.say(u);
          expect(run.status).toBe("ok");
          storage.close();
          storage = await openTestStorage(indexedDB);
          chat.saver = storage.saver;
        }
        received.push(llm.calls.map((c) => c.messages));
        storage.close();
      }
      expect(received[1]).toEqual(received[0]);
    });
  }
});
