import { z } from "zod";
import { FLOW_SCHEMA, FLOW_VERSION, MEMORY_MODES, PROVIDERS } from "../engine/flow";
import { MEMORY_SCOPES } from "../engine/memoryScope";
import { NODE_KINDS } from "../engine/nodeKinds";
import { NODE_ID_PATTERN } from "../engine/template";

// Validate without generated code: zod otherwise probes `new Function`, which the page's
// Content Security Policy refuses (and reports as a violation).
z.config({ jitless: true });

/*
 * The one validator of a flow file of the current version (FLOW_VERSION): the importer runs it, and the JSON Schema in
 * docs/flow.schema.json is generated from it, so the two cannot drift apart.
 *
 * Every object is loose (z.looseObject): fields this version does not know are kept and
 * written back, so a file from a newer build of the same version loses nothing here.
 * Messages are in the user's words; the path in front of them says where (see flowFileErrors).
 */

type IssueLike = { input?: unknown };

/** `is required` when the field is missing, `what` when it is there but wrong. */
const says = (what: string) => ({
  error: (issue: IssueLike) => (issue.input === undefined ? "is required" : what),
});

const text = () => z.string(says("must be text"));

const oneOf = (values: readonly string[]) => `must be one of ${values.join(", ")}`;

const ID_RULE = "must start with a letter or _ and contain only letters, digits and _";

const nodeIdSchema = z
  .string(says(ID_RULE))
  .regex(NODE_ID_PATTERN, { error: ID_RULE })
  .meta({ description: "A node id: [A-Za-z_][A-Za-z0-9_]*, unique in the flow." });

export const positionSchema = z
  .looseObject(
    {
      x: z.number(says("must be a number")),
      y: z.number(says("must be a number")),
    },
    says("must be an object with x and y"),
  )
  .meta({ description: "Where the node sits on the canvas." });

const WINDOW_RULE = "must be a whole number >= 0";
const MAX_TOKENS_RULE = "must be a whole number >= 1";
const WINDOW_TOKENS_RULE = "must be a whole number >= 1";
const TEMPERATURE_RULE = "must be a number from 0 to 2";
const MEMORY_ID_RULE =
  "must be null (no memory) or a name of letters, digits and _, not starting with a digit";

export const llmConfigSchema = z
  .looseObject(
    {
      provider: z.enum(PROVIDERS, says(oneOf(PROVIDERS))),
      model: text().meta({ description: "The model name, as the provider spells it." }),
      baseUrl: text()
        .optional()
        .meta({ description: "Optional for hosted providers, required for openai-compatible." }),
      systemPrompt: text().optional(),
      prompt: text().optional().meta({
        description:
          "A template: {{node_id}} inserts that upstream node's output, {{input}} the chat message. Absent: the single upstream node's output.",
      }),
      temperature: z
        .number(says(TEMPERATURE_RULE))
        .min(0, { error: TEMPERATURE_RULE })
        .max(2, { error: TEMPERATURE_RULE })
        .optional(),
      maxTokens: z
        .number(says(MAX_TOKENS_RULE))
        .int({ error: MAX_TOKENS_RULE })
        .min(1, { error: MAX_TOKENS_RULE })
        .optional(),
      memoryId: z
        .string(says(MEMORY_ID_RULE))
        .regex(NODE_ID_PATTERN, { error: MEMORY_ID_RULE })
        .nullable()
        .optional()
        .meta({
          description:
            "Absent or null: no memory. LLM nodes with the same memory id share one log.",
        }),
      memoryWindowSize: z
        .number(says(WINDOW_RULE))
        .int({ error: WINDOW_RULE })
        .min(0, { error: WINDOW_RULE })
        .nullable()
        .optional()
        .meta({
          description:
            "How many earlier messages the model sees. Absent or null: all of them; 0: none.",
        }),
      memoryWindowTokens: z
        .number(says(WINDOW_TOKENS_RULE))
        .int({ error: WINDOW_TOKENS_RULE })
        .min(1, { error: WINDOW_TOKENS_RULE })
        .optional()
        .meta({
          description:
            "A token budget for the memory (version 2): the newest messages whose tokens fit. Absent: no budget. With memoryWindowSize, both limits apply.",
        }),
      memoryMode: z
        .enum(MEMORY_MODES, says(oneOf(MEMORY_MODES)))
        .optional()
        .meta({ description: "Absent: read-write." }),
    },
    says("must be an object"),
  )
  .meta({ description: "An LLM node's settings." });

export const templateConfigSchema = z.looseObject(
  {
    template: text()
      .optional()
      .meta({ description: "Text with {{node_id}} and {{input}} references." }),
  },
  says("must be an object"),
);

export const outputConfigSchema = z.looseObject(
  {
    value: text()
      .optional()
      .meta({ description: "What the chat shows: a template, e.g. {{chat_llm}}." }),
  },
  says("must be an object"),
);

const NODE_TYPES = Object.keys(NODE_KINDS);

/** One kind of node: the same id and position, its own type and config (file key order). */
const nodeOf = <T extends string, C extends z.ZodType>(type: T, config: C) =>
  z.looseObject({ id: nodeIdSchema, type: z.literal(type), position: positionSchema, config });

export const nodeSchema = z
  .discriminatedUnion(
    "type",
    [
      nodeOf("input", z.looseObject({}, says("must be an object")).optional()),
      nodeOf("llm", llmConfigSchema),
      nodeOf("template", templateConfigSchema),
      nodeOf("output", outputConfigSchema),
    ],
    {
      error: (issue: IssueLike & { code?: string }) => {
        // A node that is not an object at all, or whose type matches no kind.
        if (issue.code !== "invalid_union") return "must be an object (a node)";
        const type = (issue.input as { type?: unknown } | undefined)?.type;
        return type === undefined ? `is required: ${oneOf(NODE_TYPES)}` : oneOf(NODE_TYPES);
      },
    },
  )
  .meta({ description: "A step of the flow: input, llm, template or output." });

export const edgeSchema = z
  .looseObject(
    {
      source: z.string(says("must be a node id")),
      target: z.string(says("must be a node id")),
    },
    says("must be an object with source and target"),
  )
  .meta({ description: "A connection: source's output flows into target." });

export const nodesSchema = z.array(nodeSchema, says("must be a list of nodes"));
export const edgesSchema = z.array(edgeSchema, says("must be a list of connections"));

const MEMORY_KEY_RULE = "must be a memory id: letters, digits and _, not starting with a digit";

/** The flow-level `memories` object: memory id -> its scope (version 2). */
export const memoriesSchema = z
  .record(
    z.string().regex(NODE_ID_PATTERN, { error: MEMORY_KEY_RULE }),
    z.looseObject(
      {
        scope: z
          .enum(MEMORY_SCOPES, says(oneOf(MEMORY_SCOPES)))
          .optional()
          .meta({
            description:
              "conversation (absent): one log per conversation. flow: one log shared by every conversation of the flow.",
          }),
      },
      says('must be an object, e.g. { "scope": "flow" }'),
    ),
    {
      error: (issue: IssueLike & { code?: string }) =>
        issue.code === "invalid_key"
          ? MEMORY_KEY_RULE
          : "must be an object: memory id -> { scope }",
    },
  )
  .meta({
    description:
      "Optional (version 2): how each memory is kept. Absent, or a memory not listed: one log per conversation.",
  });

/** A whole flow file of the current version (docs/flow-format.md). */
export const flowFileSchema = z
  .looseObject({
    schema: z.literal(FLOW_SCHEMA, says(`must be "${FLOW_SCHEMA}"`)),
    version: z.literal(FLOW_VERSION, says(`must be ${FLOW_VERSION}`)),
    name: text(),
    nodes: nodesSchema,
    edges: edgesSchema,
    memories: memoriesSchema.optional(),
    conversations: z.unknown().optional().meta({
      description:
        "Optional, only when the user asked to include them: conversations, runs and memory messages. Not part of the flow.",
    }),
  })
  .meta({
    title: `LLM Flow Studio flow file, version ${FLOW_VERSION}`,
    description:
      "A flow of LLM nodes with memory. Unknown fields are allowed and kept; secrets are never written.",
  });

/** The parts of a pasted piece of a flow that matter: nodes, and the edges between them. */
export const flowFragmentSchema = z.looseObject({
  nodes: nodesSchema,
  edges: edgesSchema.optional(),
});
