import { useState } from "react";
import { useStudio, useStudioApi } from "../../store/studioStore";
import { formatMegabytes, formatShare } from "../settings/storageFormat";
import { FreeSpacePanel } from "./FreeSpacePanel";
import "./storage.css";

const BLOCKED =
  "Another tab of LLM Flow Studio holds an older version of this browser's storage open. Close the other tabs of LLM Flow Studio to continue.";
const SLOW =
  "This browser's storage is not answering (busy, or out of disk space). Wait a moment, or close the other tabs of LLM Flow Studio and reload this one.";

/** A reason as the middle of a sentence: its own final full stop dropped. */
const clause = (text: string) => text.replace(/[.\s]+$/, "");

const figures = (use: { usage: number; quota: number } | null) =>
  use ? ` (${formatMegabytes(use.usage)} of ${formatMegabytes(use.quota)} used)` : "";

/**
 * What is wrong with this browser's storage, and what to do about it: each failed write
 * (until dismissed), the read-only mode when storage is full, the 80% warning, the in-memory
 * mode and a newer version opened in another tab. Loaded only when there is something to say.
 */
export function StorageNotices() {
  const studio = useStudioApi();
  const notices = useStudio((s) => s.storageNotices);
  const readOnly = useStudio((s) => s.readOnly);
  const warning = useStudio((s) => s.quotaWarning);
  const memoryOnly = useStudio((s) => s.memoryOnly);
  const replaced = useStudio((s) => s.replaced);
  const stuck = useStudio((s) => s.openingStuck);
  const [freeing, setFreeing] = useState(false);
  const [exportProblem, setExportProblem] = useState<string | null>(null);

  const exportBackup = async () => {
    setExportProblem(null);
    try {
      const { exportBackup } = await import("../importExport/exportFlow");
      await exportBackup(studio.getState().backupData);
    } catch (error) {
      setExportProblem(`Could not export a backup: ${(error as Error).message}`);
    }
  };
  const ways = (
    <>
      <button type="button" onClick={() => void exportBackup()}>
        Export a backup
      </button>
      <button type="button" onClick={() => setFreeing(true)} aria-expanded={freeing}>
        Free space
      </button>
    </>
  );

  return (
    <section className="storage-notices" aria-label="Storage">
      {stuck && (
        <div className="storage-notice storage-notice-strong" role="alert">
          <p>{stuck === "blocked" ? BLOCKED : SLOW}</p>
        </div>
      )}
      {replaced && (
        <div className="storage-notice storage-notice-strong" role="alert">
          <p>LLM Flow Studio was updated in another tab; reload this tab to continue.</p>
          <div className="storage-notice-actions">
            <button type="button" onClick={() => window.location.reload()}>
              Reload this tab
            </button>
          </div>
        </div>
      )}
      {memoryOnly && (
        <div className="storage-notice storage-notice-strong" role="alert">
          <p>
            Nothing will be kept: this browser's storage is unavailable ({clause(memoryOnly)}). Your
            work lives in this tab only; export what you want to keep.
          </p>
        </div>
      )}
      {readOnly && !replaced && (
        <div className="storage-notice storage-notice-strong" role="alert">
          <p>
            Storage is full{figures(readOnly.use)}: the app is read-only until space is freed. You
            can still export flows or a backup, and delete conversations or flows.
          </p>
          <div className="storage-notice-actions">{ways}</div>
        </div>
      )}
      {warning && !readOnly && (
        <div className="storage-notice" role="status">
          <p>
            Storage is {formatShare(warning.usage / warning.quota)} full{figures(warning)}. Free
            space or export a backup before saving starts to fail.
          </p>
          <div className="storage-notice-actions">
            {ways}
            <button type="button" onClick={() => studio.getState().dismissQuotaWarning()}>
              Dismiss
            </button>
          </div>
        </div>
      )}
      {!replaced &&
        notices.map((notice) => (
          <div key={notice.id} className="storage-notice" role="alert">
            <p>
              <strong>{notice.what}.</strong> {clause(notice.reason)}.
            </p>
            <div className="storage-notice-actions">
              {notice.canRetry && (
                <button
                  type="button"
                  onClick={() => void studio.getState().retryStorageWrite(notice.id)}
                >
                  Retry
                </button>
              )}
              {ways}
              <button
                type="button"
                aria-label={`Dismiss: ${notice.what}`}
                onClick={() => studio.getState().dismissStorageNotice(notice.id)}
              >
                Dismiss
              </button>
            </div>
          </div>
        ))}
      {exportProblem && (
        <p className="storage-notice" role="alert">
          {exportProblem}
        </p>
      )}
      {freeing && <FreeSpacePanel onClose={() => setFreeing(false)} />}
    </section>
  );
}
