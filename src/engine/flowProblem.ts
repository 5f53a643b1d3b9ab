import type { ProviderName } from "./flow";
import type { NodeId } from "./ids";
import type { ProviderCredentials } from "./provider";

/*
 * What validateFlow (validateFlow.ts) reports, and the Settings that resolve some of it. Apart
 * from the checks themselves so the first page, which shows problems only once the checks
 * have loaded after it, does not carry them.
 */

export interface FlowProblem {
  /** Errors stop a run; warnings are shown but allowed (often a mistake, sometimes intended). */
  severity: "error" | "warning";
  /** The node it concerns, so the editor can mark it; absent for flow-wide problems. */
  nodeId?: NodeId;
  /** The config field it concerns, for the inspector. */
  field?: string;
  /** The memory it concerns (shared-memory warnings), for the memory legend. */
  memoryId?: string;
  /**
   * A missing base URL that Settings can supply: gone when Settings has a base URL for this
   * provider, which every node of it without its own then uses.
   */
  baseUrlFromSettings?: ProviderName;
  message: string;
}

/** What a flow's problems depend on besides the flow: the base URLs set in Settings. */
export interface ValidationContext {
  /** The providers Settings has a base URL for. */
  settingsBaseUrls?: ReadonlySet<string>;
}

/** The providers the user's Settings give a base URL (their credentials, keys aside). */
export function settingsBaseUrlsOf(credentials: ProviderCredentials | undefined): Set<string> {
  const providers = new Set<string>();
  for (const [provider, entry] of Object.entries(credentials ?? {})) {
    if (entry?.baseUrl?.trim()) providers.add(provider);
  }
  return providers;
}

/** `problems` without those Settings resolve (a base URL it sets for the node's provider). */
export function withSettings(
  problems: FlowProblem[],
  settingsBaseUrls: ReadonlySet<string> | undefined,
): FlowProblem[] {
  if (!settingsBaseUrls || settingsBaseUrls.size === 0) return problems;
  const kept = problems.filter(
    (p) => p.baseUrlFromSettings === undefined || !settingsBaseUrls.has(p.baseUrlFromSettings),
  );
  return kept.length === problems.length ? problems : kept;
}
