import type { BackupContents } from "./backupContents";
import { BACKUP_SCHEMA, BACKUP_VERSION } from "./backupSchema";
import { canonical, ordered } from "./canonicalJson";
import type { PathSegment } from "./flowFileErrors";
import { withoutSecrets } from "./secrets";
import { flowFileJson } from "./writeFlowFile";

/*
 * Writes a backup (docs/backup.md): a header line, then each section with one record per
 * line, so the file stays compact for tens of thousands of messages and still diffs by
 * record. Flows are written exactly as flow files write them; no key named like a secret
 * (apiKey, token, password…) is written anywhere, except as a name the user chose (a memory
 * or output called "token" is data: see keysAreNames).
 */

export interface WriteBackupOptions {
  /** When the backup was made (milliseconds since 1970). */
  createdAt: number;
}

const NAME_MAPS = new Set<PathSegment>(["outputs", "appended", "memoryHeads"]);
/** Inside one run record (path from the record): its maps keyed by memory and node ids. */
const runKeysAreNames = (path: readonly PathSegment[]) =>
  path.length === 1 && NAME_MAPS.has(path[0] as PathSegment);

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
  const clean = (record: unknown, keysAreNames?: (path: readonly PathSegment[]) => boolean) =>
    withoutSecrets(record, [], [], keysAreNames);
  const parts = [
    ...Object.entries(header).map(([key, value]) => `${JSON.stringify(key)}: ${line(value)}`),
    section("flows", flows),
    section(
      "conversations",
      data.conversations.map((c) => clean(c)),
    ),
    section(
      "runs",
      data.runs.map((r) => clean(r, runKeysAreNames)),
    ),
    section(
      "memoryMessages",
      data.memoryMessages.map((m) => clean(m)),
    ),
  ];
  return `{\n${parts.join(",\n")}\n}\n`;
}
