import { useId } from "react";
import { formatMegabytes, formatShare, isNearlyFull, usageShare } from "./storageFormat";
import { useStorageStatus } from "./useStorageStatus";

/** How much room this site's data (flows, chats, memories) has, and whether it can be evicted. */
export function StorageSection() {
  const id = useId();
  const storage = useStorageStatus();
  const { usage, quota } = storage;
  const share = usage !== null && quota !== null ? usageShare(usage, quota) : null;

  return (
    <section className="settings-section settings-storage" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Storage</h3>
      {!storage.supported ? (
        <p className="note">
          This browser does not report its storage to this page (it needs https or localhost).
        </p>
      ) : (
        <>
          <p>
            Persistent storage:{" "}
            {storage.persisted === null ? (
              "checking…"
            ) : storage.persisted ? (
              <strong>granted</strong>
            ) : (
              <strong>not granted</strong>
            )}
          </p>
          <p className="help">
            {storage.persisted
              ? "The browser will not delete your flows and chats to free space."
              : "Without it, the browser may delete this site's flows and chats when the disk runs low."}
          </p>
          {storage.persisted === false && (
            <button
              type="button"
              className="secondary"
              onClick={() => void storage.requestPersistence()}
            >
              Ask for persistent storage
            </button>
          )}
          {storage.refused && (
            <p className="help" role="status">
              The browser said no. Browsers grant it to sites you use often or have bookmarked; some
              ask you first.
            </p>
          )}

          <p>
            {usage === null || quota === null
              ? "Space used: checking…"
              : `Space used: ${formatMegabytes(usage)} of ${formatMegabytes(quota)}${
                  share === null ? "" : ` (${formatShare(share)})`
                }.`}
          </p>
          {share !== null && isNearlyFull(usage ?? 0, quota ?? 0) && (
            <p className="settings-warning" role="alert">
              Storage is nearly full ({formatShare(share)} used). Saving new runs may soon fail:
              delete conversations or flows you no longer need.
            </p>
          )}
        </>
      )}
    </section>
  );
}
