import type { RestoreOutcome } from "../../store/studioStore";
import { useStudio } from "../../store/studioStore";
import { errorText, useStoreQuery } from "../../store/useStoreQuery";
import { ImportWarnings } from "./ImportWarnings";
import type { FlowImport } from "./readImportFile";

type Backup = Extract<FlowImport, { kind: "backup" }>;

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/**
 * What a backup holds and what restoring it will do, before anything is saved: the counts,
 * each flow by name (and its new name where this browser has one by that name), and that
 * nothing already here is replaced.
 */
export function BackupPreview({ preview }: { preview: Backup }) {
  const previewRestore = useStudio((s) => s.previewRestore);
  const { summary, warnings, fileName, backup } = preview;
  // The restore decides again in its own transaction; this says what it would do now.
  const plan = useStoreQuery<RestoreOutcome>(() => previewRestore(backup), [backup]);
  const renamed = new Map(
    plan.status === "ready" ? plan.data.renames.map((r) => [r.id as string, r.to]) : [],
  );
  const { counts } = summary;
  return (
    <>
      <p className="import-file">
        From {fileName}
        {summary.createdAt !== undefined &&
          `, made ${new Date(summary.createdAt).toLocaleString()}`}
      </p>
      <dl className="import-summary">
        <div>
          <dt>Flows</dt>
          <dd>{counts.flows.toLocaleString("en")}</dd>
        </div>
        <div>
          <dt>Conversations</dt>
          <dd>{counts.conversations.toLocaleString("en")}</dd>
        </div>
        <div>
          <dt>Runs</dt>
          <dd>{counts.runs.toLocaleString("en")}</dd>
        </div>
        <div>
          <dt>Memory messages</dt>
          <dd>{counts.memoryMessages.toLocaleString("en")}</dd>
        </div>
      </dl>
      {summary.flows.length > 0 && (
        <section className="import-flows" aria-label="Flows in the backup">
          <h3>Flows</h3>
          <ul>
            {summary.flows.map((flow) => {
              const to = renamed.get(flow.id);
              return (
                <li key={flow.id}>
                  {flow.name}
                  {to !== undefined && (
                    <>
                      {" "}
                      → <strong>{to}</strong> (the name is taken)
                    </>
                  )}
                  <span className="import-flow-count">
                    {" "}
                    · {plural(flow.conversations, "conversation")}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {plan.status === "ready" && plan.data.newIds > 0 && (
        <p className="import-note">
          {plural(plan.data.newIds, "record")} get a new id: this browser already has records with
          theirs (restored before?). Their links are kept.
        </p>
      )}
      {plan.status === "failed" && (
        <p className="import-problem" role="alert">
          Could not check this browser's flows: {errorText(plan.error)}
        </p>
      )}
      <ImportWarnings warnings={warnings} />
      <p className="import-note">
        Everything is added beside what this browser holds: nothing here is replaced or deleted.
        Backups hold no API keys: enter them in Settings.
      </p>
    </>
  );
}
