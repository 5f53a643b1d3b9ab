import { useCallback, useEffect, useState } from "react";

export interface StorageStatus {
  /** False where the page cannot see navigator.storage (it needs https or localhost). */
  supported: boolean;
  /** null until known. */
  persisted: boolean | null;
  /** Bytes, or null until known (or when the browser does not say). */
  usage: number | null;
  quota: number | null;
  /** The browser refused the last request for persistent storage. */
  refused: boolean;
}

/** This site's storage as the browser reports it, and a way to ask for it to be persistent. */
export function useStorageStatus(): StorageStatus & { requestPersistence(): Promise<void> } {
  const manager = typeof navigator === "undefined" ? undefined : navigator.storage;
  const [status, setStatus] = useState<StorageStatus>({
    supported: manager !== undefined,
    persisted: null,
    usage: null,
    quota: null,
    refused: false,
  });

  useEffect(() => {
    if (!manager) return;
    let live = true;
    // Each answer on its own: a browser may implement one call and not the other.
    manager
      .persisted?.()
      .then((persisted) => live && setStatus((s) => ({ ...s, persisted })))
      .catch(() => {});
    manager
      .estimate?.()
      .then(
        ({ usage, quota }) =>
          live && setStatus((s) => ({ ...s, usage: usage ?? null, quota: quota ?? null })),
      )
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [manager]);

  const requestPersistence = useCallback(async () => {
    if (!manager?.persist) return;
    const persisted = await manager.persist().catch(() => false);
    setStatus((s) => ({ ...s, persisted, refused: !persisted }));
  }, [manager]);

  return { ...status, requestPersistence };
}
