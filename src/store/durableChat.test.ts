import { afterEach, describe, expect, it } from "vitest";
import { DRAFT_CHARS } from "../engine/draftWriter";
import { echoProvider } from "../engine/echoProvider";
import type { LlmProvider, ProviderRequest } from "../engine/provider";
import { openTestStorage } from "../storage/storageTestSupport";
import { defined, fakeBrowserServices, openTestStudio, type TestStudio } from "./storeTestSupport";

/*
 * The chat survives the page going away: a reload mid-reply finds the message and the partial
 * reply (interrupted, with Retry), returns to the same conversation and branch, and a message
 * that cannot start yet is kept with a reason.
 */

const studios: TestStudio[] = [];
afterEach(async () => {
  for (const s of studios.splice(0)) await s.state().dispose();
});

async function page(options: Parameters<typeof openTestStudio>[0] = {}): Promise<TestStudio> {
  const studio = await openTestStudio(options);
  studios.push(studio);
  return studio;
}

/** A model that streams `text`, then never finishes: the page is reloaded meanwhile. */
function streamsThenHangs(text: string): LlmProvider {
  return (request: ProviderRequest) => {
    request.onDelta(text);
    return new Promise((_, reject) =>
      request.signal.addEventListener("abort", () => reject(new Error("aborted"))),
    );
  };
}

/** The starter flow's one LLM runs on echo: route every provider name to these. */
const providersOf = (provider: LlmProvider) => async () => provider;

describe("a reload in the middle of a reply", () => {
  it("shows the message and the partial reply as interrupted, and Retry continues from the right memory", async () => {
    const storage = await openTestStorage();
    const browser = fakeBrowserServices();
    const first = await page({ storage, browser });
    await first.state().send("One");
    const partial = "p".repeat(DRAFT_CHARS);
    // The same page goes on with a model that hangs mid-reply.
    const hanging = await page({
      storage,
      browser,
      providers: providersOf(streamsThenHangs(partial)),
    });
    void hanging.state().send("Two");
    await expect
      .poll(
        async () =>
          (await storage.runs.listByConversation(defined(hanging.state().conversationId))).find(
            (run) => run.input === "Two",
          )?.outputs.output,
      )
      .toBe(partial);

    // Reload: a new page over the same database, the old one gone without finishing.
    const reloaded = await page({ storage, browser });
    const { turns } = reloaded.state();
    expect(turns.map((t) => t.input)).toEqual(["One", "Two"]);
    expect(turns[1]).toMatchObject({ status: "interrupted", outputs: { output: partial } });

    await reloaded.state().regenerate(1);
    const retried = reloaded.state().turns[1];
    expect(retried?.status).toBe("ok");
    // Echo says what it received: the first exchange from memory, nothing of the interrupted one.
    expect(retried?.outputs.output).toContain('2 from memory "chat_llm"');
    expect(retried?.branch?.count).toBe(2);
    hanging.state().stop();
  });

  it("the first message of a new conversation is kept with its conversation, not an empty one", async () => {
    const storage = await openTestStorage();
    const browser = fakeBrowserServices();
    const hanging = await page({
      storage,
      browser,
      providers: providersOf(streamsThenHangs("Par")),
    });
    void hanging.state().send("First words");
    await expect.poll(() => hanging.state().conversationId).not.toBeNull();

    const reloaded = await page({ storage, browser });
    expect(reloaded.state().conversations.map((c) => c.title)).toEqual(["First words"]);
    expect(reloaded.state().turns).toMatchObject([{ input: "First words", status: "interrupted" }]);
    hanging.state().stop();
  });
});

describe("Stop", () => {
  it("keeps the text already streamed, labelled stopped", async () => {
    const studio = await page({ providers: providersOf(streamsThenHangs("Half a reply")) });
    const sent = studio.state().send("Hi");
    await expect.poll(() => studio.state().turns[0]?.outputs.output).toBe("Half a reply");
    studio.state().stop();
    await sent;
    expect(studio.state().turns[0]).toMatchObject({
      status: "aborted",
      outputs: { output: "Half a reply" },
    });
    const [run] = await studio.storage.runs.listByConversation(
      defined(studio.state().conversationId),
    );
    expect(run).toMatchObject({ status: "aborted", outputs: { output: "Half a reply" } });
  });
});

describe("a reload returns to where the user was", () => {
  it("reopens the same conversation and branch, not the most recent one", async () => {
    const storage = await openTestStorage();
    const browser = fakeBrowserServices();
    const first = await page({ storage, browser });
    await first.state().send("A1");
    await first.state().send("A2");
    await first.state().editMessage(1, "A2, edited");
    const conversationA = first.state().conversationId;
    const original = defined(first.state().turns[1]?.branch?.siblings[0]);
    await first.state().switchBranch(1, original);
    first.state().newConversation();
    await first.state().send("B1");
    // B is the most recently active; the user goes back to A, on its first branch.
    await first.state().openConversation(defined(conversationA));

    const reloaded = await page({ storage, browser });
    expect(reloaded.state().conversationId).toBe(conversationA);
    expect(reloaded.state().turns.map((t) => t.input)).toEqual(["A1", "A2"]);
  });

  it("reopens a new conversation when the user had started one", async () => {
    const storage = await openTestStorage();
    const browser = fakeBrowserServices();
    const first = await page({ storage, browser });
    await first.state().send("Old");
    first.state().newConversation();
    await expect
      .poll(async () => (await page({ storage, browser })).state().conversationId)
      .toBeNull();
  });
});

describe("a message that cannot start yet", () => {
  it("is refused with a reason while a flow is opening, and runs once it can", async () => {
    const studio = await page({ providers: providersOf(echoProvider) });
    studio.store.setState({ openingFlow: true });
    expect(studio.state().sendBlocker()).toMatch(/A flow is opening/);
    await studio.state().send("Kept");
    expect(studio.state().turns).toEqual([]);
    studio.store.setState({ openingFlow: false });
    expect(studio.state().sendBlocker()).toBeNull();
    await studio.state().send("Kept");
    expect(studio.state().turns[0]?.status).toBe("ok");
  });

  it("is refused with a reason from the moment an import starts until the flow is open", async () => {
    const studio = await page();
    const flow = defined(studio.editor.getState().flow);
    const importing = studio.state().importFlow({ ...flow, name: "Imported" });
    expect(studio.state().sendBlocker()).toMatch(/A flow is opening/);
    await importing;
    expect(studio.state().sendBlocker()).toBeNull();
    await studio.state().send("Right after the import");
    expect(studio.editor.getState().flow?.name).toBe("Imported");
    expect(studio.state().turns).toMatchObject([{ input: "Right after the import", status: "ok" }]);
  });

  it("is refused with a reason while a reply is still coming", async () => {
    const studio = await page({ providers: providersOf(streamsThenHangs("…")) });
    const sent = studio.state().send("First");
    expect(studio.state().sendBlocker()).toMatch(/still coming/);
    studio.state().stop();
    await sent;
  });
});
