import { describe, expect, it } from "vitest";
import type { Flow, LlmConfig } from "../flow";
import { nodeId } from "../ids";
import type { ProviderCredentials } from "../provider";
import { originOf } from "../url";
import {
  foreignServers,
  keyForCall,
  keyNotApprovedError,
  keyOrigins,
  unapprovedDestinations,
} from "./keyBinding";

const KEY = "sk-canary-0123456789";
const EVIL = "http://evil.example:8080";

function flowOf(...configs: Partial<LlmConfig>[]): Pick<Flow, "nodes"> {
  return {
    nodes: configs.map((config, i) => ({
      id: nodeId(`llm${i + 1}`),
      type: "llm" as const,
      position: { x: 0, y: 0 },
      config: { provider: "openai", model: "m", ...config },
    })),
  };
}

describe("originOf", () => {
  it("keeps scheme, host and port, and refuses what is not http(s)", () => {
    expect(originOf("HTTPS://API.OpenAI.com:443/v1/")).toBe("https://api.openai.com");
    expect(originOf("http://user:pw@10.0.0.1:11434/v1?x=1")).toBe("http://10.0.0.1:11434");
    expect(originOf("javascript:alert(1)")).toBeUndefined();
    expect(originOf("not a url")).toBeUndefined();
    expect(originOf(undefined)).toBeUndefined();
  });
});

describe("keyForCall", () => {
  it("sends a saved key to the provider's own API and to the address set in Settings", () => {
    expect(keyForCall("openai", { apiKey: KEY }, "https://api.openai.com/v1")).toEqual({
      ok: true,
      apiKey: KEY,
    });
    const proxied = { apiKey: KEY, baseUrl: "https://proxy.corp/openai/v1" };
    expect(keyForCall("openai", proxied, "https://proxy.corp/other")).toEqual({
      ok: true,
      apiKey: KEY,
    });
    expect(keyForCall("anthropic", { apiKey: KEY }, "https://api.anthropic.com/v1")).toEqual({
      ok: true,
      apiKey: KEY,
    });
    expect(
      keyForCall("google", { apiKey: KEY }, "https://generativelanguage.googleapis.com/v1beta"),
    ).toEqual({ ok: true, apiKey: KEY });
  });

  it("refuses every provider's key at any other origin, even one a port or scheme away", () => {
    for (const provider of ["openai", "anthropic", "google", "openai-compatible"] as const) {
      const credential = { apiKey: KEY, baseUrl: "http://localhost:11434/v1" };
      for (const target of [
        `${EVIL}/v1`,
        "http://localhost:11435/v1",
        "https://localhost:11434/v1",
        "http://127.0.0.1:11434/v1",
      ]) {
        expect(keyForCall(provider, credential, target)).toEqual({
          ok: false,
          refused: { provider, origin: new URL(target).origin },
        });
      }
    }
  });

  it("binds an OpenAI-compatible key to its Settings address only: it has no API of its own", () => {
    expect(keyOrigins("openai-compatible", { apiKey: KEY })).toEqual([]);
    expect(keyForCall("openai-compatible", { apiKey: KEY }, `${EVIL}/v1`).ok).toBe(false);
    expect(
      keyOrigins("openai-compatible", { apiKey: KEY, baseUrl: "http://localhost:11434/v1" }),
    ).toEqual(["http://localhost:11434"]);
  });

  it("sends the key to an approved origin, and once without it where the user chose so", () => {
    const approved = { apiKey: KEY, approvedOrigins: [EVIL] };
    expect(keyForCall("openai", approved, `${EVIL}/v1`)).toEqual({ ok: true, apiKey: KEY });
    const keyless = [{ provider: "openai" as const, origin: EVIL }];
    expect(keyForCall("openai", { apiKey: KEY }, `${EVIL}/v1`, keyless)).toEqual({
      ok: true,
      withoutKey: true,
    });
  });

  it("has nothing to guard without a saved key", () => {
    expect(keyForCall("openai", undefined, `${EVIL}/v1`)).toEqual({ ok: true });
    expect(keyForCall("openai", { baseUrl: "x" }, `${EVIL}/v1`)).toEqual({ ok: true });
  });
});

describe("a flow's destinations", () => {
  const credentials: ProviderCredentials = {
    openai: { apiKey: KEY },
    "openai-compatible": { apiKey: KEY, baseUrl: "http://localhost:11434/v1" },
  };

  it("lists each unapproved server once, for the run to refuse before it starts", () => {
    const flow = flowOf(
      { baseUrl: `${EVIL}/v1` },
      { baseUrl: `${EVIL}/v2` },
      { provider: "openai-compatible", baseUrl: `${EVIL}/v1` },
      { provider: "openai-compatible" },
      {},
      { provider: "echo", baseUrl: `${EVIL}/v1` },
      { provider: "anthropic", baseUrl: `${EVIL}/v1` },
    );
    expect(unapprovedDestinations(flow, credentials)).toEqual([
      { provider: "openai", origin: EVIL },
      { provider: "openai-compatible", origin: EVIL },
    ]);
    // The preview also names servers of providers without a key yet (one may be added later).
    expect(foreignServers(flow, credentials)).toEqual([
      { provider: "openai", origin: EVIL },
      { provider: "openai-compatible", origin: EVIL },
      { provider: "anthropic", origin: EVIL },
    ]);
  });

  it("has nothing to refuse once approved, or when the node uses the Settings address", () => {
    const approved: ProviderCredentials = {
      ...credentials,
      openai: { apiKey: KEY, approvedOrigins: [EVIL] },
    };
    const flow = flowOf({ baseUrl: `${EVIL}/v1` }, { provider: "openai-compatible" });
    expect(unapprovedDestinations(flow, approved)).toEqual([]);
    expect(foreignServers(flow, approved)).toEqual([]);
    // Approved for the OpenAI key, not for Anthropic's.
    const anthropic = flowOf({ provider: "anthropic", baseUrl: `${EVIL}/v1` });
    expect(unapprovedDestinations(anthropic, { ...approved, anthropic: { apiKey: KEY } })).toEqual([
      { provider: "anthropic", origin: EVIL },
    ]);
  });

  it("words the refusal with each server and both ways out", () => {
    const error = keyNotApprovedError([{ provider: "openai", origin: EVIL }]);
    expect(error.kind).toBe("key-not-approved");
    expect(error.message).toContain(`OpenAI requests to ${EVIL}`);
    expect(error.message).toContain("Nothing was sent");
    expect(error.message).toContain("run once without the key");
    expect(error.details.destinations).toEqual([{ provider: "openai", origin: EVIL }]);
  });
});
