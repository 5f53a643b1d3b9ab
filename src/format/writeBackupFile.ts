import type { BackupContents } from "./backupContents";
import { BACKUP_SCHEMA, BACKUP_VERSION } from "./backupSchema";
import { canonical, ordered } from "./canonicalJson";
import { runMapKeysAreNames, withoutSecrets } from "./secrets";
import { flowFileJson } from "./writeFlowFile";

/*
 * Writes a backup (docs/backup.md): a header line, then each section with one record per
 * line, so the file stays compact for tens of thousands of messages and still diffs by
 * record. Flows are written exactly as flow files write them; no key named like a secret
 * (apiKey, token, password…) is written anywhere, except as a name the user chose (a memory
 * or output called "token" is data: see runMapKeysAreNames).
 */

export interface WriteBackupOptions {
  /** When the backup was made (milliseconds since 1970). */
  createdAt: number;
}

const line = (value: unknown) => JSON.stringify(value);

function section(name: string, records: readonly unknown[]): string {
  if (records.length === 0) return `${JSON.stringify(name)}: []`;
  return `${JSON.stringify(name)}: [\n${records.map(line).join(",\n")}\n]`;
}

export function writeBackupFile(data: BackupContents, options: WriteBackupOptions): string {
  const header = {
    schema: BACKUP_SCHEMA,
    version: BACKUP_VERSION,
    createdAt: options.createdAt,
    settings: canonical(data.settings) ?? {},
  };
  const flows = data.flows.map(({ flow, viewport, ...record }) => ({
    ...ordered(record, ["id", "revision", "createdAt", "updatedAt"]),
    ...(viewport && { viewport: canonical(viewport) }),
    flow: flowFileJson(flow),
  }));
  // Each record checked at its own path, so a run's maps keyed by names keep their keys.
  const clean = (section: string) => (record: unknown, i: number) =>
    withoutSecrets(record, [], [section, i], runMapKeysAreNames);
  const parts = [
    ...Object.entries(header).map(([key, value]) => `${JSON.stringify(key)}: ${line(value)}`),
    section("flows", flows),
    section("conversations", data.conversations.map(clean("conversations"))),
    section("runs", data.runs.map(clean("runs"))),
    section("memoryMessages", data.memoryMessages.map(clean("memoryMessages"))),
    section("flowMemoryHeads", (data.flowMemoryHeads ?? []).map(clean("flowMemoryHeads"))),
    section("memoryEdits", (data.memoryEdits ?? []).map(clean("memoryEdits"))),
  ];
  return `{\n${parts.join(",\n")}\n}\n`;
}
