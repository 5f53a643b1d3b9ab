import { describe, expect, it } from "vitest";
import { PROVIDERS } from "../flow";
import { HOSTED_PROVIDERS, keyHeaders, needsBaseUrl, PROVIDER_TABLE } from "./providerTable";

describe("the provider table", () => {
  it("has Settings sections for every provider but echo, in menu order", () => {
    expect(HOSTED_PROVIDERS).toEqual(["openai", "anthropic", "google", "openai-compatible"]);
  });

  it("requires a base URL only where there is no default, and never for a name it does not know", () => {
    expect(PROVIDERS.filter(needsBaseUrl)).toEqual(["openai-compatible"]);
    expect(needsBaseUrl("mistral")).toBe(false);
  });

  it("sends each key in its provider's header, as a bearer token only in authorization", () => {
    expect(keyHeaders("openai", "sk-1")).toEqual({ authorization: "Bearer sk-1" });
    expect(keyHeaders("anthropic", "sk-2")).toEqual({ "x-api-key": "sk-2" });
    expect(keyHeaders("google", "k-3")).toEqual({ "x-goog-api-key": "k-3" });
    expect(keyHeaders("openai-compatible", undefined)).toEqual({});
  });

  it("gives a hosted provider that needs no address of the user's a key it requires", () => {
    for (const provider of HOSTED_PROVIDERS) {
      const { defaultBaseUrl, baseUrlExample, keyHeader } = PROVIDER_TABLE[provider];
      // A provider reached at its own address needs a key; a local server offers an example.
      if (defaultBaseUrl) expect(keyHeader.required).toBe(true);
      else expect(baseUrlExample).toMatch(/^http:\/\//);
    }
  });
});
