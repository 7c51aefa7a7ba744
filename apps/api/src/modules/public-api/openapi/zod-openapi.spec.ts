import { z } from 'zod';
import { schemaFromExample, zodToOpenApi } from './zod-openapi';

describe('OpenAPI helpers', () => {
  it('turns a zod schema into an OpenAPI 3.0 schema without $schema', () => {
    const schema = zodToOpenApi(
      z.object({ amount: z.number().int().min(1), note: z.string().nullable().optional() }),
    );
    expect(schema).not.toHaveProperty('$schema');
    expect(schema).toMatchObject({
      type: 'object',
      required: ['amount'],
      properties: { amount: { type: 'integer', minimum: 1 }, note: { type: 'string', nullable: true } },
    });
  });

  it('guesses a schema from an example', () => {
    expect(
      schemaFromExample({ id: 'a', n: 2, r: 1.5, ok: true, tags: ['x'], gone: null, nested: {} }),
    ).toEqual({
      type: 'object',
      properties: {
        id: { type: 'string' },
        n: { type: 'integer' },
        r: { type: 'number' },
        ok: { type: 'boolean' },
        tags: { type: 'array', items: { type: 'string' } },
        gone: { nullable: true },
        nested: { type: 'object', properties: {}, required: [] },
      },
      required: ['id', 'n', 'r', 'ok', 'tags', 'gone', 'nested'],
    });
    expect(schemaFromExample([])).toEqual({ type: 'array', items: {} });
  });
});
