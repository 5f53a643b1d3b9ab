import { useCallback, useState } from "react";
import { type StorageStatus as BrowserStorage, useStudio } from "../../store/studioStore";
import { useStoreQuery } from "../../store/useStoreQuery";

export interface StorageStatus extends BrowserStorage {
  /** The browser refused the last request for persistent storage. */
  refused: boolean;
}

const UNKNOWN = { persisted: null, usage: null, quota: null };

/** This site's storage as the browser reports it, and a way to ask for it to be persistent. */
export function useStorageStatus(): StorageStatus & { requestPersistence(): Promise<void> } {
  const supported = useStudio((s) => s.storageSupported);
  const storageStatus = useStudio((s) => s.storageStatus);
  const request = useStudio((s) => s.requestPersistence);
  const [asked, setAsked] = useState<boolean | null>(null);
  const status = useStoreQuery(storageStatus, [storageStatus]);

  const requestPersistence = useCallback(async () => {
    setAsked(await request());
  }, [request]);

  const known: BrowserStorage = status.status === "ready" ? status.data : { supported, ...UNKNOWN };
  return {
    ...known,
    ...(asked !== null && { persisted: asked }),
    refused: asked === false,
    requestPersistence,
  };
}
