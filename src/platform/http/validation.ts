import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { FieldProblem } from '../errors.ts';

/**
 * Two Ajv instances: request bodies are validated strictly (a string is not a number, unknown
 * fields are an error rather than silently dropped), while path and query parameters, which
 * are always strings on the wire, are coerced to their declared types.
 */
function makeAjv(coerce: boolean) {
  const ajv = new Ajv.default({
    allErrors: true,
    removeAdditional: false,
    useDefaults: true,
    coerceTypes: coerce ? 'array' : false,
    strict: false,
  });
  addFormats.default(ajv);
  return ajv;
}

const strict = makeAjv(false);
const coercing = makeAjv(true);

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? strict : coercing;
  return ajv.compile(schema as object) as ReturnType<FastifySchemaCompiler<unknown>>;
};

/** Turns Ajv's errors into JSON pointers into the request (`/body/maxPlayers`) with a sentence each. */
export function fieldProblems(errors: readonly ErrorObject[], part: string): FieldProblem[] {
  const problems = new Map<string, FieldProblem>();
  for (const e of errors) {
    let pointer = `/${part}${e.instancePath}`;
    let detail: string;
    switch (e.keyword) {
      case 'required':
        pointer += `/${(e.params as { missingProperty: string }).missingProperty}`;
        detail = 'is required';
        break;
      case 'additionalProperties':
        pointer += `/${(e.params as { additionalProperty: string }).additionalProperty}`;
        detail = 'is not a known field';
        break;
      case 'type':
        detail = `must be ${article((e.params as { type: string }).type)}`;
        break;
      case 'enum':
        detail = `must be one of: ${((e.params as { allowedValues: unknown[] }).allowedValues ?? []).join(', ')}`;
        break;
      default:
        detail = e.message ?? 'is invalid';
    }
    // allErrors reports anyOf branches several times; one sentence per field is enough.
    if (!problems.has(pointer)) problems.set(pointer, { pointer, detail, code: `validation.${e.keyword}` });
  }
  return [...problems.values()];
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
