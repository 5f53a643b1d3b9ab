import type { z } from "zod";
import type { BackupContents, ConversationRecords } from "./backupContents";
import { referenceErrors } from "./backupReferences";
import {
  BACKUP_SCHEMA,
  BACKUP_VERSION,
  backupConversationSchema,
  backupFlowMemoryHeadsSchema,
  backupFlowShellSchema,
  backupMemoryEditSchema,
  backupMessageSchema,
  backupRunSchema,
  backupShellSchema,
  flowConversationsShellSchema,
} from "./backupSchema";
import { formatSize, utf8Length } from "./fileSize";
import {
  capErrors,
  type FlowFileError,
  fileError,
  formatPath,
  issuesToErrors,
  type PathSegment,
} from "./flowFileErrors";
import { flowFileSchema } from "./flowSchema";
import { parseJson } from "./jsonSyntax";
import { depthExceeds, hasFlowMarker, isRecord, MAX_DEPTH, toCurrentVersion } from "./openFlowText";
import { runMapKeysAreNames, withoutSecrets } from "./secrets";
import { semanticErrors } from "./semanticErrors";

/*
 * Reads a backup (docs/backup.md) the way flow files are read: size, JSON, marker, the
 * version first (a newer one refused, never guessed), then every record's shape, then the
 * references between records; every problem with the path of the field. Records are checked
 * one at a time, and the reader steps aside (`pause`) every few milliseconds, so a backup of
 * thousands of runs and messages never freezes the page. Secrets are dropped on the way in.
 */

/** The largest backup read unless the caller says otherwise: 200 MB. */
export const BACKUP_MAX_BYTES = 200 * 1024 * 1024;

/** How long the reader works before stepping aside for the page. */
const SLICE_MS = 8;

export interface ReadBackupOptions {
  maxBytes?: number;
  /**
   * Lets the page draw and answer input; awaited about every 8 ms of work. Default: a
   * zero-delay timer, which works in browsers and Node.
   */
  pause?: () => Promise<void>;
}

export interface BackupSummary {
  createdAt?: number;
  counts: { flows: number; conversations: number; runs: number; memoryMessages: number };
  /** Each flow with how many conversations it has, in file order. */
  flows: { id: string; name: string; conversations: number }[];
}

export type ReadBackupResult =
  | { ok: true; backup: BackupContents; summary: BackupSummary; warnings: string[] }
  | { ok: false; errors: FlowFileError[] };

export const NOT_A_BACKUP = `This is not an LLM Flow Studio backup (no "schema": "${BACKUP_SCHEMA}").`;

/**
 * Whether a file's first characters carry the backup's marker: the writer puts it first, so
 * a reader can tell a backup from a flow file (and pick the size limit) before reading it all.
 */
export function looksLikeBackup(head: string): boolean {
  return /"schema"\s*:\s*"llm-flow-studio\/backup"/.test(head.slice(0, 4096));
}

const defaultPause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function readBackupFile(
  text: string,
  options: ReadBackupOptions = {},
): Promise<ReadBackupResult> {
  try {
    return await read(text, options);
  } catch (error) {
    return {
      ok: false,
      errors: [fileError("", `Could not read this backup: ${messageOf(error)}`)],
    };
  }
}

async function read(text: string, options: ReadBackupOptions): Promise<ReadBackupResult> {
  const maxBytes = options.maxBytes ?? BACKUP_MAX_BYTES;
  if (text.length * 3 > maxBytes) {
    const bytes = utf8Length(text);
    if (bytes > maxBytes) {
      return refuse(
        "",
        `The file is ${formatSize(bytes)}; the largest backup read is ${formatSize(maxBytes)}.`,
      );
    }
  }
  const parsed = parseJson(text);
  if (!parsed.ok) return refuse("", parsed.message);
  const file = parsed.value;
  if (!isRecord(file) || file.schema !== BACKUP_SCHEMA) return refuse("", NOT_A_BACKUP);

  const version = file.version;
  if (version === undefined) {
    return refuse("version", `is required: this app reads backups up to version ${BACKUP_VERSION}`);
  }
  if (typeof version !== "number" || !Number.isInteger(version)) {
    return refuse(
      "version",
      `must be a whole number (this app reads up to version ${BACKUP_VERSION})`,
    );
  }
  if (version > BACKUP_VERSION) {
    return refuse(
      "version",
      `This backup is version ${version}; this app reads up to version ${BACKUP_VERSION}. Update the app to restore it.`,
    );
  }
  if (version < 1) {
    return refuse(
      "version",
      `This backup says version ${version}, which never existed; this app reads versions 1 to ${BACKUP_VERSION}.`,
    );
  }

  const shell = backupShellSchema.safeParse(file);
  if (!shell.success) return { ok: false, errors: capErrors(issuesToErrors(shell.error.issues)) };

  const checker = new RecordChecker(options.pause ?? defaultPause);
  const flows: BackupContents["flows"] = [];
  for (const [i, raw] of shell.data.flows.entries()) {
    const entry = await checker.record(raw, ["flows", i], backupFlowShellSchema);
    if (entry === undefined) continue;
    // A flow is checked like a whole flow file (its rules across nodes too): a slice of its own.
    await checker.tick();
    const flow = checker.flow(entry.flow, ["flows", i, "flow"]);
    if (flow !== undefined) flows.push({ ...entry, flow } as BackupContents["flows"][number]);
  }
  const records = await checker.conversationRecords(shell.data, []);
  // Version 2's sections; a version 1 file has neither.
  const flowMemoryHeads: NonNullable<BackupContents["flowMemoryHeads"]> = [];
  for (const [i, raw] of (shell.data.flowMemoryHeads ?? []).entries()) {
    const r = await checker.record(raw, ["flowMemoryHeads", i], backupFlowMemoryHeadsSchema);
    if (r) flowMemoryHeads.push(r as unknown as (typeof flowMemoryHeads)[number]);
  }
  const memoryEdits: NonNullable<BackupContents["memoryEdits"]> = [];
  for (const [i, raw] of (shell.data.memoryEdits ?? []).entries()) {
    const r = await checker.record(raw, ["memoryEdits", i], backupMemoryEditSchema);
    if (r) memoryEdits.push(r as unknown as (typeof memoryEdits)[number]);
  }
  const settings = isRecord(file.settings) ? file.settings : {};
  const theme = typeof settings.theme === "string" ? settings.theme : undefined;
  if (checker.errors.length > 0) return { ok: false, errors: capErrors(checker.errors) };

  const backup: BackupContents = {
    flows,
    ...records,
    settings: theme === undefined ? {} : { theme },
    ...(flowMemoryHeads.length > 0 && { flowMemoryHeads }),
    ...(memoryEdits.length > 0 && { memoryEdits }),
  };
  await checker.tick();
  const broken = referenceErrors(backup);
  if (broken.length > 0) return { ok: false, errors: capErrors(broken) };

  const conversationsOf = new Map<string, number>();
  for (const c of backup.conversations) {
    conversationsOf.set(c.flowId, (conversationsOf.get(c.flowId) ?? 0) + 1);
  }
  return {
    ok: true,
    backup,
    summary: {
      ...(typeof file.createdAt === "number" && { createdAt: file.createdAt }),
      counts: {
        flows: flows.length,
        conversations: backup.conversations.length,
        runs: backup.runs.length,
        memoryMessages: backup.memoryMessages.length,
      },
      flows: flows.map((f) => ({
        id: f.id,
        name: f.flow.name,
        conversations: conversationsOf.get(f.id) ?? 0,
      })),
    },
    warnings: checker.warnings(),
  };
}

export type ReadConversationsResult =
  | { ok: true; records: ConversationRecords; warnings: string[] }
  | { ok: false; errors: FlowFileError[] };

/**
 * A flow file's `conversations` section (written by "Include conversations and memories"),
 * checked like a backup's records; paths start with `conversations`.
 */
export async function readFlowConversations(
  section: unknown,
  options: Pick<ReadBackupOptions, "pause"> = {},
): Promise<ReadConversationsResult> {
  try {
    const prefix = ["conversations"];
    const shell = flowConversationsShellSchema.safeParse(section);
    if (!shell.success) {
      return { ok: false, errors: capErrors(issuesToErrors(prefixed(shell.error.issues, prefix))) };
    }
    const checker = new RecordChecker(options.pause ?? defaultPause);
    const records = await checker.conversationRecords(shell.data, prefix);
    if (checker.errors.length > 0) return { ok: false, errors: capErrors(checker.errors) };
    const broken = referenceErrors(records, prefix);
    if (broken.length > 0) return { ok: false, errors: capErrors(broken) };
    return { ok: true, records, warnings: checker.warnings() };
  } catch (error) {
    return {
      ok: false,
      errors: [fileError("conversations", `Could not read the conversations: ${messageOf(error)}`)],
    };
  }
}

interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
}

const prefixed = (issues: readonly IssueLike[], prefix: readonly PathSegment[]): IssueLike[] =>
  issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] }));

/** Checks records one at a time, collecting problems and warnings, pausing between slices. */
class RecordChecker {
  readonly errors: FlowFileError[] = [];
  private readonly removed: string[] = [];
  private readonly notes: string[] = [];
  private sliceStart = Date.now();

  constructor(private readonly pause: () => Promise<void>) {}

  /** Steps aside for the page once this slice has worked long enough. */
  async tick(): Promise<void> {
    if (Date.now() - this.sliceStart < SLICE_MS) return;
    await this.pause();
    this.sliceStart = Date.now();
  }

  /** The record without secrets if its shape is right; undefined (and errors noted) if not. */
  async record<S extends z.ZodType>(
    raw: unknown,
    path: PathSegment[],
    schema: S,
  ): Promise<z.output<S> | undefined> {
    await this.tick();
    if (depthExceeds(raw, MAX_DEPTH)) {
      this.errors.push(
        fileError(
          formatPath(path),
          `is nested more than ${MAX_DEPTH} levels deep; no record needs that`,
        ),
      );
      return undefined;
    }
    const clean = withoutSecrets(raw, this.removed, path, runMapKeysAreNames);
    const checked = schema.safeParse(clean);
    if (!checked.success) {
      this.errors.push(...issuesToErrors(prefixed(checked.error.issues, path)));
      return undefined;
    }
    // The checked input itself, not zod's copy: a record keyed by a memory called
    // "__proto__" must stay an own key, and withoutSecrets built `clean` that way.
    return clean as z.output<S>;
  }

  /** An embedded flow: the flow file's reader's stages, version first; problems the editor shows are warnings. */
  flow(raw: unknown, path: PathSegment[]): BackupContents["flows"][number]["flow"] | undefined {
    const at = formatPath(path);
    if (!hasFlowMarker(raw)) {
      this.errors.push(fileError(at, 'must be a flow (with "schema": "llm-flow-studio/flow")'));
      return undefined;
    }
    const current = toCurrentVersion(raw);
    if (!current.ok) {
      this.errors.push(
        ...current.errors.map((e) =>
          fileError(formatPath([...path, ...(e.path ? [e.path] : [])]), e.message),
        ),
      );
      return undefined;
    }
    const { conversations: _notPartOfAFlow, ...body } = current.value.file;
    const checked = flowFileSchema.safeParse(body);
    if (!checked.success) {
      this.errors.push(...issuesToErrors(prefixed(checked.error.issues, path)));
      return undefined;
    }
    const flow = body as unknown as BackupContents["flows"][number]["flow"];
    const name = JSON.stringify(flow.name);
    for (const step of current.value.steps) this.notes.push(`${at} (${name}): upgraded (${step}).`);
    // A saved flow may be half edited (an LLM without a model yet): restored as it was, and
    // the editor points at what is missing, as it did before the backup.
    const problems = semanticErrors(flow).errors.length;
    if (problems > 0) {
      this.notes.push(
        `${at} (${name}) has ${problems} problem${problems === 1 ? "" : "s"} to fix before it runs; the editor will point ${problems === 1 ? "it" : "them"} out.`,
      );
    }
    return flow;
  }

  async conversationRecords(
    shell: { conversations: unknown[]; runs: unknown[]; memoryMessages: unknown[] },
    prefix: PathSegment[],
  ): Promise<ConversationRecords> {
    const out: ConversationRecords = { conversations: [], runs: [], memoryMessages: [] };
    for (const [i, raw] of shell.conversations.entries()) {
      const r = await this.record(raw, [...prefix, "conversations", i], backupConversationSchema);
      if (r) out.conversations.push(r as unknown as ConversationRecords["conversations"][number]);
    }
    for (const [i, raw] of shell.runs.entries()) {
      const r = await this.record(raw, [...prefix, "runs", i], backupRunSchema);
      if (r) out.runs.push(r as unknown as ConversationRecords["runs"][number]);
    }
    for (const [i, raw] of shell.memoryMessages.entries()) {
      const r = await this.record(raw, [...prefix, "memoryMessages", i], backupMessageSchema);
      if (r) out.memoryMessages.push(r as unknown as ConversationRecords["memoryMessages"][number]);
    }
    return out;
  }

  warnings(): string[] {
    return [
      ...this.notes,
      ...this.removed.map((path) => `Left out ${path}: backups never carry keys or passwords.`),
    ];
  }
}

function refuse(path: string, message: string): { ok: false; errors: FlowFileError[] } {
  return { ok: false, errors: [fileError(path, message)] };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
