import type { Flow } from "../../engine/flow";
import type { ProviderCredentials } from "../../engine/provider";
import { foreignServers } from "../../engine/providers/keyBinding";
import { PROVIDER_TABLE } from "../../engine/providers/providerTable";

/**
 * One plain sentence per server a flow points a provider at that the provider's key is not
 * bound to: what an import preview and a paste must say before anything runs.
 */
export function foreignServerSentences(
  flow: Pick<Flow, "nodes">,
  credentials: ProviderCredentials,
): string[] {
  return foreignServers(flow, credentials).map(({ provider, origin }) => {
    const { title } = PROVIDER_TABLE[provider];
    return `Sends ${title} requests to ${origin}; your ${title} key will not be sent there unless you approve it.`;
  });
}
