import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiQuery, ApiResponse, type SchemaObject } from '@nestjs/swagger';
import type { ApiErrorDto } from '@podium/contracts';
import { z } from 'zod';

type Decorator = MethodDecorator & ClassDecorator;

/** The OpenAPI 3.0 JSON Schema of a zod schema, as a client sends it (`io: 'input'`). */
export function zodToOpenApi(schema: z.ZodType, io: 'input' | 'output' = 'input'): SchemaObject {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  delete json['$schema'];
  return json as SchemaObject;
}

/**
 * A JSON Schema guessed from an example value, for responses typed by a TypeScript interface
 * (no runtime schema): types, properties and required keys as the example shows them.
 */
export function schemaFromExample(example: unknown): SchemaObject {
  if (example === null) return { nullable: true };
  if (Array.isArray(example)) {
    return { type: 'array', items: example.length > 0 ? schemaFromExample(example[0]) : {} };
  }
  switch (typeof example) {
    case 'string':
      return { type: 'string' };
    case 'number':
      return { type: Number.isInteger(example) ? 'integer' : 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'object': {
      const entries = Object.entries(example as Record<string, unknown>);
      return {
        type: 'object',
        properties: Object.fromEntries(entries.map(([key, value]) => [key, schemaFromExample(value)])),
        required: entries.filter(([, value]) => value !== undefined).map(([key]) => key),
      };
    }
    case 'bigint':
      return { type: 'integer' };
    case 'undefined':
    case 'function':
    case 'symbol':
      break;
  }
  return {};
}

/** The house error body (every 4xx), for documentation. */
export const API_ERROR_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['statusCode', 'code', 'message'],
  properties: {
    statusCode: { type: 'integer', description: 'The HTTP status again.' },
    code: { type: 'string', description: 'Stable machine-readable code, e.g. `api.missing_scope`.' },
    message: { type: 'string', description: 'Human-readable; safe to show.' },
    field: { type: 'string', description: 'The first field at fault, for invalid input.' },
    issues: {
      type: 'array',
      items: {
        type: 'object',
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
    retryAfterSeconds: { type: 'integer', description: 'When to retry (429 and some 409s).' },
  },
};

function errorExample(statusCode: number, code: string, message: string): ApiErrorDto {
  return { statusCode, code, message };
}

/**
 * Request body from a zod schema, with an example request. The example also goes in `examples`:
 * where the route's `@Body({ schema })` is a standard schema, Nest's explorer regenerates the body
 * schema from it (dropping `schema.example`) but keeps `examples`.
 */
export function ApiZodBody(schema: z.ZodType, example: unknown, description?: string): MethodDecorator {
  return ApiBody({
    description,
    schema: { ...zodToOpenApi(schema, 'input'), example },
    examples: { example: { summary: 'Example', value: example } },
  });
}

/**
 * A response: its schema from a zod schema, or (with a description) guessed from the example.
 * A 204 needs no example: `ApiZodResponse(204, 'Revoked')`.
 */
export function ApiZodResponse(
  status: number,
  schemaOrDescription: z.ZodType | string,
  example?: unknown,
  description?: string,
): Decorator {
  if (typeof schemaOrDescription === 'string') {
    if (example === undefined) return ApiResponse({ status, description: schemaOrDescription });
    return ApiResponse({
      status,
      description: schemaOrDescription,
      schema: { ...schemaFromExample(example), example },
    });
  }
  return ApiResponse({
    status,
    description: description ?? (status < 300 ? 'Success' : 'Error'),
    schema: { ...zodToOpenApi(schemaOrDescription, 'output'), ...(example === undefined ? {} : { example }) },
  });
}

/** Query parameters from a zod object schema, one per property. */
export function ApiZodQuery(schema: z.ZodObject): Decorator {
  const json = zodToOpenApi(schema, 'input');
  const required = new Set(json.required ?? []);
  return applyDecorators(
    ...Object.entries(json.properties ?? {}).map(([name, property]) =>
      ApiQuery({ name, required: required.has(name), schema: property as SchemaObject }),
    ),
  );
}

/** An error response in the house shape, with an example. */
export function ApiErrorResponse(status: number, code: string, message: string): Decorator {
  return ApiResponse({
    status,
    description: message,
    schema: { ...API_ERROR_SCHEMA, example: errorExample(status, code, message) },
  });
}

/**
 * A v1 operation: summary, description, and the errors every token-authenticated route can
 * answer (401, 403, 404, 429). Add route-specific errors with ApiErrorResponse.
 */
export function ApiV1Operation(summary: string, description: string): Decorator {
  return applyDecorators(
    ApiOperation({ summary, description }),
    ApiErrorResponse(401, 'api.invalid_token', 'The API token is unknown, revoked or expired'),
    ApiErrorResponse(403, 'api.missing_scope', 'This API token lacks the points:write scope'),
    ApiErrorResponse(404, 'api.workspace_not_found', 'No such workspace'),
    ApiErrorResponse(429, 'api.rate_limited', 'Too many requests with this API token'),
  );
}

/** Documents the optional Idempotency-Key header and its errors, for mutating v1 routes. */
export function ApiIdempotent(): Decorator {
  return applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Optional, up to 200 printable characters (a UUID is ideal). A retry with the same key and token ' +
        'returns the first response (status and body, with `Idempotent-Replayed: true`) without doing ' +
        'anything again, for 24 hours.',
      schema: { type: 'string', maxLength: 200, example: '6f1c1c56-0d2a-4c1e-9d4c-2b1f0d6f3a11' },
    }),
    ApiErrorResponse(
      409,
      'api.idempotency_in_progress',
      'A request with this Idempotency-Key is still in progress; retry later',
    ),
    ApiErrorResponse(
      422,
      'api.idempotency_key_reused',
      'This Idempotency-Key was already used for a different request',
    ),
  );
}
