import type { ProviderCredential } from "../../engine/provider";
import { callBaseUrl, keyOrigins } from "../../engine/providers/keyBinding";
import { type HostedProvider, PROVIDER_TABLE } from "../../engine/providers/providerTable";
import { originOf } from "../../engine/url";

/** Where a node's requests go and whether the key goes with them, in one sentence. */
export interface KeyDestinationNote {
  text: string;
  /** The key is kept from the node's server: the note offers Settings, where it is approved. */
  kept: boolean;
}

export function keyDestinationNote(
  provider: HostedProvider,
  nodeBaseUrl: string | undefined,
  credential: ProviderCredential | undefined,
): KeyDestinationNote {
  const { title } = PROVIDER_TABLE[provider];
  const origin = originOf(callBaseUrl(provider, nodeBaseUrl, credential));
  if (!origin) {
    return { text: "Requests need a base URL, here or in Settings.", kept: false };
  }
  const saved = Boolean(credential?.apiKey);
  if (keyOrigins(provider, credential).includes(origin)) {
    return {
      text: saved
        ? `Requests and your ${title} key go only to ${origin}. The key stays in this browser, never in an exported file.`
        : `Requests go to ${origin}. A key entered here stays in this browser and goes only there.`,
      kept: false,
    };
  }
  return {
    text: saved
      ? `Requests go to ${origin}; your ${title} key is not sent there: approve that server in Settings to send it.`
      : `Requests go to ${origin}; a ${title} key saved here would not be sent there unless you approve that server in Settings.`,
    kept: true,
  };
}
