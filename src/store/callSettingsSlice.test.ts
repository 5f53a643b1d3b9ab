import { afterEach, describe, expect, it } from "vitest";
import { type LlmProvider, ProviderError, type ProviderRequest } from "../engine/provider";
import { withRateLimitRetries } from "../engine/providers/rateLimitRetry";
import { fakeTimers } from "../engine/timersTestSupport";
import { SETTINGS } from "./settingsKeys";
import { openTestStudio, type TestStudio } from "./storeTestSupport";

let studio: TestStudio;
afterEach(async () => {
  await studio.state().dispose();
  studio.storage.close();
});

describe("call timeouts", () => {
  it("are 60 s each until changed, and a change is saved for the next visit", async () => {
    studio = await openTestStudio();
    expect(studio.state().callTimeouts).toEqual({ firstByteMs: 60_000, idleMs: 60_000 });
    await studio.state().setCallTimeouts({ firstByteMs: 2_000 });
    expect(studio.state().callTimeouts).toEqual({ firstByteMs: 2_000, idleMs: 60_000 });
    const reloaded = await openTestStudio({ storage: studio.storage });
    expect(reloaded.state().callTimeouts).toEqual({ firstByteMs: 2_000, idleMs: 60_000 });
    await reloaded.state().dispose();
  });

  it("refuses a timeout out of range, keeping the one before", async () => {
    studio = await openTestStudio();
    await expect(studio.state().setCallTimeouts({ idleMs: 500 })).rejects.toThrow("from 1 to 600");
    await expect(studio.state().setCallTimeouts({ idleMs: 601_000 })).rejects.toThrow();
    expect(studio.state().callTimeouts.idleMs).toBe(60_000);
  });

  it("falls back to the default for a wrong stored value, keeping the good one", async () => {
    studio = await openTestStudio({ init: false });
    await studio.storage.settings.put(SETTINGS.callTimeouts, {
      firstByteMs: "soon",
      idleMs: 5_000,
    });
    await studio.state().init();
    expect(studio.state().callTimeouts).toEqual({ firstByteMs: 60_000, idleMs: 5_000 });
  });

  it("go with every call of a message", async () => {
    const seen: ProviderRequest[] = [];
    const provider: LlmProvider = async (request) => {
      seen.push(request);
      return { text: "Hi", usage: {} };
    };
    studio = await openTestStudio({ providers: async () => provider });
    await studio.state().setCallTimeouts({ firstByteMs: 3_000, idleMs: 4_000 });
    await studio.state().send("Hello");
    expect(seen[0]?.timeouts).toEqual({ firstByteMs: 3_000, idleMs: 4_000 });
  });
});

describe("a rate-limit wait", () => {
  const limited = new ProviderError("rate-limit", "OpenAI is limiting requests (429).", {
    status: 429,
    provider: "openai",
    retryAfterSeconds: 20,
  });

  it("shows on the message, and Cancel ends it with the rate limit's error and nothing in memory", async () => {
    const timers = fakeTimers();
    let calls = 0;
    const provider: LlmProvider = async () => {
      calls++;
      throw limited;
    };
    studio = await openTestStudio({
      providers: async () => withRateLimitRetries(provider, timers),
    });
    const sent = studio.state().send("Hello");
    await expect
      .poll(() => studio.state().turns.at(-1)?.retrying)
      .toMatchObject({
        attempt: 1,
        // The starter flow's node is on echo; the wait names whichever provider limited it.
        providerLabel: "Echo",
      });
    studio.state().cancelRetryWait();
    await sent;
    const turn = studio.state().turns.at(-1);
    expect(turn).toMatchObject({ status: "error", error: { kind: "rate-limit" } });
    expect(turn?.retrying).toBeUndefined();
    expect(studio.state().retryWait).toBeNull();
    expect(calls).toBe(1);
    const run = studio.state().runs.at(-1);
    expect(Object.keys(run?.appended ?? {})).toEqual([]);
  });
});
