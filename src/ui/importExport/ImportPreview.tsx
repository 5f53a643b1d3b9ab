import { FLOW_VERSION } from "../../engine/flow";
import { NODE_KINDS } from "../../engine/nodeKinds";
import { isProviderName, PROVIDER_TABLE } from "../../engine/providers/providerTable";
import type { FlowFileSummary } from "../../format";
import { useStudio } from "../../store/studioStore";
import { foreignServerSentences } from "../common/foreignServers";
import { ImportWarnings } from "./ImportWarnings";
import type { FlowImport } from "./readImportFile";

type Preview = Extract<FlowImport, { kind: "preview" }>;

interface ImportPreviewProps {
  preview: Preview;
  /** Another flow already has this name: the copy gets a number after it. */
  nameTaken: boolean;
}

/** "1 input, 2 LLM, 1 output": the kinds present, in the palette's order. */
function kindsText(summary: FlowFileSummary): string {
  return Object.entries(NODE_KINDS)
    .map(
      ([kind, def]) => [summary.nodesByType[kind as keyof typeof NODE_KINDS], def.label] as const,
    )
    .filter(([count]) => count > 0)
    .map(([count, label]) => `${count} ${label}`)
    .join(", ");
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "2 conversations (5 runs, 20 memory messages)". */
export function countText(counts: { conversations: number; runs: number; memoryMessages: number }) {
  return `${plural(counts.conversations, "conversation")} (${plural(counts.runs, "run")}, ${plural(counts.memoryMessages, "memory message")})`;
}

/** A file may name a provider this build does not know: shown as written. */
const providerLabel = (p: string) => (isProviderName(p) ? PROVIDER_TABLE[p].menuLabel : p);

/** What the file holds, shown before anything is saved, so the user can say no. */
export function ImportPreview({ preview, nameTaken }: ImportPreviewProps) {
  const { summary, warnings, migratedFrom, hasConversations, fileName } = preview;
  const kinds = kindsText(summary);
  const credentials = useStudio((s) => s.credentials);
  const servers = foreignServerSentences(preview.flow, credentials);
  return (
    <>
      <p className="import-file">From {fileName}</p>
      <dl className="import-summary">
        <div>
          <dt>Nodes</dt>
          <dd>
            {summary.nodeCount}
            {kinds && ` (${kinds})`}
          </dd>
        </div>
        <div>
          <dt>Connections</dt>
          <dd>{summary.edgeCount}</dd>
        </div>
        <div>
          <dt>Memories</dt>
          <dd>
            {summary.memories.length === 0 ? (
              "None: every LLM starts fresh on each message"
            ) : (
              <ul className="import-memories">
                {summary.memories.map(({ memoryId, nodeIds, kinds }) => (
                  <li key={memoryId}>
                    <code>{memoryId}</code>, used by {nodeIds.join(", ")}
                    {kinds && `; ${kinds.join("; ")}`}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        {summary.noteCount > 0 && (
          <div>
            <dt>Notes</dt>
            <dd>
              {summary.noteCount} {summary.noteCount === 1 ? "note" : "notes"}
            </dd>
          </div>
        )}
        {summary.providers.length > 0 && (
          <div>
            <dt>Providers</dt>
            <dd>{summary.providers.map(providerLabel).join("; ")}</dd>
          </div>
        )}
      </dl>
      {servers.length > 0 && (
        <section className="import-warnings import-servers" aria-label="Servers">
          <h3>Servers this flow calls</h3>
          <ul>
            {servers.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        </section>
      )}
      {migratedFrom !== undefined && (
        <p className="import-note">
          Upgraded from version {migratedFrom} of the format to version {FLOW_VERSION}.
        </p>
      )}
      <ImportWarnings warnings={warnings} />
      {hasConversations && preview.conversations && (
        <p className="import-note">
          The file also holds {countText(preview.conversations.counts)}: they are restored with the
          flow, and the chat continues where it left off.
        </p>
      )}
      <p className="import-note">
        It is saved as a new flow
        {nameTaken ? `; a flow called “${summary.name}” exists, so this one gets a number` : ""}.
        Flow files hold no API keys: enter them in Settings if the providers need them.
      </p>
    </>
  );
}
