import type { Flow } from "../flow";
import { summarySettings } from "../memorySummary";
import {
  type KeyDestination,
  type ProviderCredential,
  type ProviderCredentials,
  ProviderError,
} from "../provider";
import { originOf } from "../url";
import { type HostedProvider, isProviderName, PROVIDER_TABLE } from "./providerTable";

/*
 * A saved API key goes only where the user sent it: the provider's own API, the address the
 * user set for that provider in Settings, and the origins the user approved for that key. A
 * flow file, a pasted node or a template can point a node anywhere; the key does not follow.
 * Every place that attaches a key (chat runs, Test connection, model lists) asks here first.
 */

/** The origins `provider`'s saved key may go to: its API, its Settings address, the approved. */
export function keyOrigins(
  provider: HostedProvider,
  credential: ProviderCredential | undefined,
): string[] {
  const own = [PROVIDER_TABLE[provider].defaultBaseUrl ?? undefined, credential?.baseUrl]
    .map(originOf)
    .filter((origin): origin is string => origin !== undefined);
  return [...new Set([...own, ...(credential?.approvedOrigins ?? [])])];
}

/** Where a node's call goes: its own base URL, else the one in Settings, else the provider's. */
export function callBaseUrl(
  provider: HostedProvider,
  nodeBaseUrl: string | undefined,
  credential: ProviderCredential | undefined,
): string | undefined {
  return (
    nodeBaseUrl?.trim() ||
    credential?.baseUrl?.trim() ||
    (PROVIDER_TABLE[provider].defaultBaseUrl ?? undefined)
  );
}

/** What a call to one address may carry. */
export type KeyUse =
  | { ok: true; apiKey?: string; withoutKey?: true }
  | { ok: false; refused: KeyDestination };

/**
 * The one check: the saved key for a call to `baseUrl`, if it may go there. `keyless` are the
 * destinations the user chose to call once without the key. No saved key: nothing to guard.
 */
export function keyForCall(
  provider: HostedProvider,
  credential: ProviderCredential | undefined,
  baseUrl: string | undefined,
  keyless: readonly KeyDestination[] = [],
): KeyUse {
  const apiKey = credential?.apiKey;
  if (!apiKey) return { ok: true };
  const origin = originOf(baseUrl);
  // No usable address: the call fails before any request, so there is nothing to carry.
  if (origin === undefined) return { ok: true };
  if (keyOrigins(provider, credential).includes(origin)) return { ok: true, apiKey };
  if (keyless.some((d) => d.provider === provider && d.origin === origin)) {
    return { ok: true, withoutKey: true };
  }
  return { ok: false, refused: { provider, origin } };
}

/** Where one LLM node of a flow sends its requests, and whether the saved key goes along. */
export interface CallDestination {
  nodeId: string;
  provider: HostedProvider;
  /** Undefined when the node has no usable address yet. */
  origin: string | undefined;
  /** The address came from the node (a file, a paste, an edit), not from Settings. */
  fromNode: boolean;
  keySaved: boolean;
  /** The saved key may go to this origin (false when none is saved). */
  keyGoes: boolean;
}

/**
 * Every hosted LLM node's destination, in flow order (echo and unknown providers skipped),
 * each followed by its summarizer's when the node has summary memory: a summary call carries
 * the key under the same rule as a chat call.
 */
export function flowDestinations(
  flow: Pick<Flow, "nodes">,
  credentials: ProviderCredentials | undefined,
): CallDestination[] {
  const targets: { nodeId: string; provider: unknown; baseUrl?: unknown }[] = [];
  for (const node of flow.nodes) {
    if (node.type !== "llm") continue;
    const { provider, baseUrl } = node.config;
    targets.push({ nodeId: node.id, provider, baseUrl });
    const summarizer = isProviderName(provider) ? summarySettings(node.config) : null;
    if (summarizer) targets.push({ nodeId: node.id, ...summarizer });
  }
  const destinations: CallDestination[] = [];
  for (const { nodeId, provider, baseUrl } of targets) {
    if (!isProviderName(provider) || provider === "echo") continue;
    const credential = credentials?.[provider];
    const nodeUrl = typeof baseUrl === "string" ? baseUrl.trim() : "";
    const origin = originOf(callBaseUrl(provider, nodeUrl, credential));
    const keySaved = Boolean(credential?.apiKey);
    destinations.push({
      nodeId,
      provider,
      origin,
      fromNode: nodeUrl !== "",
      keySaved,
      keyGoes:
        keySaved && origin !== undefined && keyOrigins(provider, credential).includes(origin),
    });
  }
  return destinations;
}

/**
 * The servers a node points a provider at that its key is not bound to, once each: what an
 * import preview or a paste must name. With or without a saved key (one may be saved later).
 */
export function foreignServers(
  flow: Pick<Flow, "nodes">,
  credentials: ProviderCredentials | undefined,
): KeyDestination[] {
  return unique(
    flowDestinations(flow, credentials).filter(
      (d): d is CallDestination & { origin: string } =>
        d.fromNode &&
        d.origin !== undefined &&
        !keyOrigins(d.provider, credentials?.[d.provider]).includes(d.origin),
    ),
  );
}

/** The destinations a run would send a saved key to without approval: the run must not start. */
export function unapprovedDestinations(
  flow: Pick<Flow, "nodes">,
  credentials: ProviderCredentials | undefined,
  keyless: readonly KeyDestination[] = [],
): KeyDestination[] {
  const refused: KeyDestination[] = [];
  for (const d of flowDestinations(flow, credentials)) {
    if (!d.keySaved || d.origin === undefined) continue;
    const use = keyForCall(d.provider, credentials?.[d.provider], d.origin, keyless);
    if (!use.ok) refused.push(use.refused);
  }
  return unique(refused);
}

/** The refusal, naming each server, and what the user can do about it. */
export function keyNotApprovedError(destinations: readonly KeyDestination[]): ProviderError {
  const where = destinations
    .map(({ provider, origin }) => `${PROVIDER_TABLE[provider].title} requests to ${origin}`)
    .join(" and ");
  const keys = [...new Set(destinations.map((d) => `${PROVIDER_TABLE[d.provider].title} key`))];
  const one = destinations.length === 1;
  const message =
    `This flow sends ${where}, but your ${keys.join(" and ")} ${keys.length === 1 ? "is" : "are"} ` +
    `not approved for ${one ? "that address" : "those addresses"}. Nothing was sent. ` +
    `Approve ${one ? "it" : "them"} for the key and retry, or run once without the key.`;
  const first = destinations[0];
  return new ProviderError("key-not-approved", message, {
    ...(first && { provider: first.provider }),
    destinations: [...destinations],
  });
}

/** Each provider and origin pair once, in first-seen order. */
function unique<T extends KeyDestination>(list: readonly T[]): KeyDestination[] {
  const seen = new Set<string>();
  const out: KeyDestination[] = [];
  for (const { provider, origin } of list) {
    const id = `${provider} ${origin}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ provider, origin });
  }
  return out;
}
