import { readFileSync } from "node:fs";
import type { ErrorObject } from "ajv";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

/** What the real API says about a request body that breaks its schema. */
export interface OpenAiValidationError {
  message: string;
  param: string | null;
  code: string;
}

const schemaUrl = new URL(
  "../fixtures/openai-create-chat-completion-request.schema.json",
  import.meta.url,
);

// strict: false because OpenAI's schema carries documentation keywords (`example`) Ajv does not know.
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
// Compiled once at import: the schema is 60 kB and every request is checked against it.
const validate = ajv.compile(JSON.parse(readFileSync(schemaUrl, "utf8")));

/** Checks a Chat Completions body against OpenAI's published schema; undefined when it passes. */
export function validateChatCompletionRequest(body: unknown): OpenAiValidationError | undefined {
  if (validate(body)) return undefined;
  return toOpenAiError(validate.errors ?? []);
}

/**
 * Ajv reports every failed branch of every `oneOf`; the deepest path is the one the caller
 * got wrong (e.g. `messages[0].role`), so that is the one reported, the way OpenAI names one param.
 */
function toOpenAiError(errors: readonly ErrorObject[]): OpenAiValidationError {
  const deepest = errors.reduce<ErrorObject | undefined>(
    (best, error) => (!best || depth(error.instancePath) > depth(best.instancePath) ? error : best),
    undefined,
  );
  if (!deepest) return { message: "Invalid request body.", param: null, code: "invalid_request" };

  if (deepest.keyword === "required") {
    const missing = String(deepest.params.missingProperty);
    const param = joinParam(toParam(deepest.instancePath), missing);
    return {
      message: `Missing required parameter: '${param}'.`,
      param,
      code: "missing_required_parameter",
    };
  }

  const param = toParam(deepest.instancePath) || null;
  const atSamePath = errors.filter((error) => error.instancePath === deepest.instancePath);
  const allowed = atSamePath.flatMap((error) => {
    if (error.keyword === "enum") return error.params.allowedValues as unknown[];
    if (error.keyword === "const") return [error.params.allowedValue];
    return [];
  });
  if (allowed.length > 0) {
    const list = allowed.map((value) => `'${String(value)}'`).join(", ");
    return {
      message: `Invalid value for '${param}'. Supported values are: ${list}.`,
      param,
      code: "invalid_value",
    };
  }
  return {
    message: `Invalid '${param ?? "body"}': ${deepest.message ?? "does not match the schema"}.`,
    param,
    code: deepest.keyword === "type" ? "invalid_type" : "invalid_request",
  };
}

function depth(instancePath: string): number {
  return instancePath === "" ? 0 : instancePath.split("/").length;
}

/** "/messages/0/role" -> "messages[0].role", the way OpenAI names params. */
function toParam(instancePath: string): string {
  return instancePath
    .split("/")
    .filter((segment) => segment !== "")
    .reduce((param, segment) => joinParam(param, segment), "");
}

function joinParam(param: string, segment: string): string {
  if (/^\d+$/.test(segment)) return `${param}[${segment}]`;
  return param ? `${param}.${segment}` : segment;
}
