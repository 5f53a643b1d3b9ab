import { z } from "zod";
import { flowFileSchema } from "./flowSchema";

/*
 * The backup file (docs/backup.md): every flow with its conversations, runs and memory
 * messages, and the settings that are not secrets. Like the flow file's schema this is the
 * one validator: the reader runs it (a record at a time, so a large backup never holds the
 * page), and docs/backup.schema.json is generated from it. Objects are loose: fields this
 * version does not know are kept, so a record written by a newer build of version 1 loses
 * nothing on its way through a restore.
 */

/** The backup's `schema` marker. Do not change: backups in the wild carry it. */
export const BACKUP_SCHEMA = "llm-flow-studio/backup";
/**
 * The newest backup version this build reads and writes. 2 added flow-scoped memories
 * (`flowMemoryHeads`, their messages under `flow:<flowId>`) and edited messages
 * (`memoryEdits`); version 1 files still read, with neither.
 */
export const BACKUP_VERSION = 2;
/** Every version this build reads. */
const READ_VERSIONS = [1, 2] as const;

type IssueLike = { input?: unknown };

/** `is required` when the field is missing, `what` when it is there but wrong. */
const says = (what: string) => ({
  error: (issue: IssueLike) => (issue.input === undefined ? "is required" : what),
});

const ID_RULE = "must be an id (text, not empty)";
const id = () => z.string(says(ID_RULE)).min(1, { error: ID_RULE });
const text = () => z.string(says("must be text"));
const time = () =>
  z.number(says("must be a time (milliseconds since 1970)")).meta({
    description: "Milliseconds since 1970-01-01 UTC.",
  });
const WHOLE = "must be a whole number >= 0";
const whole = () => z.number(says(WHOLE)).int({ error: WHOLE }).min(0, { error: WHOLE });
const object = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.looseObject(shape, says("must be an object"));
const listOf = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item, says(`must be a list of ${what}`));

export const THEMES = ["system", "light", "dark"] as const;

export const backupViewportSchema = object({
  x: z.number(says("must be a number")),
  y: z.number(says("must be a number")),
  zoom: z.number(says("must be a number > 0")).positive({ error: "must be a number > 0" }),
}).meta({ description: "Where the flow's canvas was scrolled and zoomed." });

/** A flow as the app stores it; `flow` is a flow file's body (docs/flow-format.md). */
export const backupFlowShellSchema = object({
  id: id(),
  revision: z
    .number(says("must be a whole number >= 1"))
    .int({ error: "must be a whole number >= 1" })
    .min(1, { error: "must be a whole number >= 1" })
    .meta({ description: "How many times the flow was saved; runs name the revision they ran." }),
  createdAt: time(),
  updatedAt: time(),
  viewport: backupViewportSchema.optional(),
  flow: z.unknown().meta({ description: "The flow, as in a flow file." }),
});

export const backupConversationSchema = object({
  id: id(),
  flowId: id(),
  title: text(),
  createdAt: time(),
  updatedAt: time(),
  headRunId: id()
    .nullable()
    .meta({ description: "The run the conversation continues from; null before the first." }),
});

const memoryRecordSchema = object({
  memoryId: text(),
  keptIds: listOf(id(), "memory message ids"),
  pinnedIds: listOf(id(), "memory message ids").optional(),
  versions: z.record(z.string(), whole(), says("must be an object of versions")).optional(),
  firstDroppedId: id().nullable(),
  appendedIds: listOf(id(), "memory message ids"),
});

const nodeRecordSchema = object({
  nodeId: text(),
  type: text(),
  status: text(),
  llm: object({ memory: memoryRecordSchema.optional() }).optional(),
});

export const backupRunSchema = object({
  id: id(),
  parentRunId: id()
    .nullable()
    .meta({ description: "The run before this one on its branch; null for the first." }),
  conversationId: id(),
  flowId: id(),
  flowRevision: whole(),
  input: text(),
  outputs: z.record(z.string(), text(), says("must be an object of texts")),
  nodes: listOf(nodeRecordSchema, "node records"),
  appended: z.record(
    z.string(),
    listOf(id(), "memory message ids"),
    says("must be an object of id lists"),
  ),
  cleared: listOf(text(), "memory ids"),
  memoryHeads: z
    .record(z.string(), id().nullable(), says("must be an object of ids"))
    .meta({ description: "Each memory's newest message at the end of the run." }),
  status: text(),
  startedAt: time(),
  endedAt: time(),
});

const ROLES = ["user", "assistant", "tool"] as const;

export const backupMessageSchema = object({
  id: id(),
  conversationId: id(),
  memoryId: text(),
  runId: id(),
  nodeId: text(),
  prev: id()
    .nullable()
    .meta({ description: "The message before this one in its memory's log; null for the first." }),
  index: whole().meta({ description: "Position in the log, 0-based: prev's index + 1." }),
  role: z.enum(ROLES, says(`must be one of ${ROLES.join(", ")}`)),
  content: text(),
  createdAt: time(),
});

export const backupFlowMemoryHeadsSchema = object({
  flowId: id(),
  heads: z.record(z.string(), id().nullable(), says("must be an object of ids")).meta({
    description: "Each flow-scoped memory's newest message, shared by every conversation.",
  }),
}).meta({ description: "Version 2: where a flow's flow-scoped memories stand." });

const VERSION_RULE = "must be a whole number >= 1";
export const backupMemoryEditSchema = object({
  messageId: id(),
  version: z
    .number(says(VERSION_RULE))
    .int({ error: VERSION_RULE })
    .min(1, { error: VERSION_RULE }),
  content: text(),
  pinned: z.boolean(says("must be true or false")),
  deleted: z.boolean(says("must be true or false")),
  editedAt: time(),
}).meta({ description: "Version 2: one version of an edited memory message (never rewritten)." });

export const backupSettingsSchema = object({
  theme: z.enum(THEMES, says(`must be one of ${THEMES.join(", ")}`)).optional(),
}).meta({ description: "Settings that are not secrets. API keys are never in a backup." });

/** The first look at a file: the sections are lists; their records are checked one by one. */
export const backupShellSchema = z.looseObject({
  schema: z.literal(BACKUP_SCHEMA, says(`must be "${BACKUP_SCHEMA}"`)),
  version: z.literal(READ_VERSIONS, says(`must be ${READ_VERSIONS.join(" or ")}`)),
  createdAt: time().optional(),
  settings: backupSettingsSchema.optional(),
  flows: listOf(z.unknown(), "flows"),
  conversations: listOf(z.unknown(), "conversations"),
  runs: listOf(z.unknown(), "runs"),
  memoryMessages: listOf(z.unknown(), "memory messages"),
  flowMemoryHeads: listOf(z.unknown(), "flow memory heads").optional(),
  memoryEdits: listOf(z.unknown(), "memory edits").optional(),
});

/** A flow file's optional `conversations` section: the same records as a backup's. */
export const flowConversationsShellSchema = z.looseObject(
  {
    conversations: listOf(z.unknown(), "conversations"),
    runs: listOf(z.unknown(), "runs"),
    memoryMessages: listOf(z.unknown(), "memory messages"),
  },
  says("must be an object with conversations, runs and memoryMessages"),
);

/** The whole file in one schema, for docs/backup.schema.json (the reader goes record by record). */
export const backupFileSchema = z
  .looseObject({
    schema: z.literal(BACKUP_SCHEMA),
    version: z.literal(READ_VERSIONS),
    createdAt: time().optional(),
    settings: backupSettingsSchema.optional(),
    flows: z.array(backupFlowShellSchema.extend({ flow: flowFileSchema })),
    conversations: z.array(backupConversationSchema),
    runs: z.array(backupRunSchema),
    memoryMessages: z.array(backupMessageSchema),
    flowMemoryHeads: z.array(backupFlowMemoryHeadsSchema).optional(),
    memoryEdits: z.array(backupMemoryEditSchema).optional(),
  })
  .meta({
    title: `LLM Flow Studio backup, version ${BACKUP_VERSION}`,
    description:
      "Every flow with its conversations, runs and memory messages. Unknown fields are allowed and kept; API keys are never written.",
  });
