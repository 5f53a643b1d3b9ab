import { describe, expect, it, vi } from "vitest";
import { createModelLists } from "./modelLists";

const answer = (models: string[]) =>
  new Response(JSON.stringify({ data: models.map((id) => ({ id })) }), { status: 200 });

describe("model lists of a session", () => {
  it("fetches a provider's list once per address, also when asked twice at the same time", async () => {
    const fetchFn = vi.fn(async () => answer(["b-model", "a-model"]));
    const lists = createModelLists(fetchFn as unknown as typeof fetch);
    const local = {
      provider: "openai-compatible" as const,
      nodeBaseUrl: "http://localhost:11434/v1/",
      credential: undefined,
    };
    const [first, second] = await Promise.all([lists.load(local), lists.load(local)]);
    expect(first).toEqual({ ok: true, models: ["a-model", "b-model"] });
    expect(second).toEqual(first);
    // The same address without the trailing slash, from Settings this time: the same list.
    const fromSettings = {
      provider: "openai-compatible" as const,
      nodeBaseUrl: undefined,
      credential: { baseUrl: "http://localhost:11434/v1" },
    };
    expect(lists.cached(fromSettings)).toEqual(["a-model", "b-model"]);
    expect(fetchFn).toHaveBeenCalledTimes(1);

    const other = { ...local, nodeBaseUrl: "http://localhost:1234/v1" };
    expect(lists.cached(other)).toBeUndefined();
    await lists.load(other);
    expect(fetchFn).toHaveBeenCalledTimes(2);
  });

  it("keeps no failure: the next ask tries again", async () => {
    const fetchFn = vi
      .fn()
      .mockRejectedValueOnce(new TypeError("Failed to fetch"))
      .mockResolvedValueOnce(answer(["llama3.2"]));
    const lists = createModelLists(fetchFn as unknown as typeof fetch);
    const request = {
      provider: "openai-compatible" as const,
      nodeBaseUrl: "http://ollama.test:8080/v1",
      credential: undefined,
    };
    const failed = await lists.load(request);
    expect(failed.ok).toBe(false);
    expect(lists.cached(request)).toBeUndefined();
    expect(await lists.load(request)).toEqual({ ok: true, models: ["llama3.2"] });
  });
});
