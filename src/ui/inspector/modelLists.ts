import type { ProviderCredential } from "../../engine/provider";
import { callBaseUrl } from "../../engine/providers/keyBinding";
import { type ListModelsResult, listModels } from "../../engine/providers/listModels";
import type { HostedProvider } from "../../engine/providers/providerTable";

/** Which list a node's Model field offers: its provider's, at the address its calls go to. */
export interface ModelListRequest {
  provider: HostedProvider;
  /** The node's own base URL; else Settings', else the provider's own address. */
  nodeBaseUrl: string | undefined;
  /** The saved key and its approvals: the key goes only where keyBinding allows. */
  credential: ProviderCredential | undefined;
  pageOrigin?: string;
}

/** The model lists asked for in this page's session, one per provider and address. */
export interface ModelLists {
  /** The provider and address a request lists, as one string. */
  keyOf(request: ModelListRequest): string;
  /** The list already fetched for this provider and address, if any. */
  cached(request: ModelListRequest): readonly string[] | undefined;
  /** Fetches the list (once, however many fields ask at the same time); only lists are kept. */
  load(request: ModelListRequest): Promise<ListModelsResult>;
}

export function createModelLists(fetchFn?: typeof fetch): ModelLists {
  const lists = new Map<string, readonly string[]>();
  const asking = new Map<string, Promise<ListModelsResult>>();
  const baseOf = (r: ModelListRequest) =>
    (callBaseUrl(r.provider, r.nodeBaseUrl, r.credential) ?? "").trim().replace(/\/+$/, "");
  const keyOf = (r: ModelListRequest) => `${r.provider} ${baseOf(r)}`;

  return {
    keyOf,
    cached: (request) => lists.get(keyOf(request)),
    load(request) {
      const key = keyOf(request);
      const list = lists.get(key);
      if (list) return Promise.resolve({ ok: true, models: [...list] });
      const running = asking.get(key);
      if (running) return running;
      const base = baseOf(request);
      const next = listModels({
        provider: request.provider,
        ...(base && { baseUrl: base }),
        // Given even without a key: then `baseUrl` is not mistaken for the key's own address.
        credential: request.credential ?? {},
        ...(request.pageOrigin && { pageOrigin: request.pageOrigin }),
        ...(fetchFn && { fetch: fetchFn }),
      }).then((result) => {
        asking.delete(key);
        // A failure is not kept: a key entered or a server started later lists them.
        if (result.ok) lists.set(key, result.models);
        return result;
      });
      asking.set(key, next);
      return next;
    },
  };
}

/** The page's lists: kept until the page is closed or reloaded. */
export const sessionModelLists: ModelLists = createModelLists();
