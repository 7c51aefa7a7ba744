import { randomUUID } from 'node:crypto';
import type { ApiErrorDto } from '@podium/contracts';
import { useTestSuite } from './support/test-suite';

interface OpenApiSchemaHost {
  schema?: Record<string, unknown>;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
}
interface OpenApiOperation {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  requestBody?: { content?: Record<string, OpenApiSchemaHost> };
  responses?: Record<string, { description?: string; content?: Record<string, OpenApiSchemaHost> }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { securitySchemes?: Record<string, { type: string; scheme?: string }> };
}

/** An Express 5 router layer, as far as this test reads it. */
interface RouterLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * The public API's documentation is complete: every `/api/v1` route the app really serves (read
 * from the Express router, not from the document) is in `/api/docs-json` with a summary, a tag,
 * bearer security and a 2xx response with a schema and an example; and none answers without a token.
 */
describe('OpenAPI document of the public API', () => {
  const suite = useTestSuite();
  let document: OpenApiDocument;
  let routes: { method: (typeof METHODS)[number]; path: string; openApiPath: string }[];

  beforeAll(async () => {
    const response = await fetch(`${suite.app.baseUrl}/api/docs-json`);
    expect(response.status).toBe(200);
    document = (await response.json()) as OpenApiDocument;
    const express = suite.app.podium.app.getHttpAdapter().getInstance() as {
      router: { stack: RouterLayer[] };
    };
    routes = express.router.stack.flatMap((layer) => {
      if (!layer.route) return [];
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
      return paths
        .filter((path) => path.startsWith('/api/v1/'))
        .flatMap((path) =>
          METHODS.filter((method) => layer.route?.methods[method]).map((method) => ({
            method,
            path,
            openApiPath: path.replace(/:(\w+)/g, '{$1}'),
          })),
        );
    });
  });

  it('finds the v1 routes in the router (the walk below is not vacuous)', () => {
    expect(routes.length).toBeGreaterThan(0);
    expect(routes).toContainEqual(
      expect.objectContaining({ method: 'get', path: '/api/v1/workspaces/:workspaceId/whoami' }),
    );
    expect(document.components?.securitySchemes?.['bearer']).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
  });

  it('documents every v1 route with a summary, tag, bearer security and a 2xx response schema', () => {
    const problems: string[] = [];
    for (const { method, path, openApiPath } of routes) {
      const name = `${method.toUpperCase()} ${path}`;
      const operation = document.paths[openApiPath]?.[method];
      if (!operation) {
        problems.push(`${name}: missing from the document`);
        continue;
      }
      if (!operation.summary) problems.push(`${name}: no summary`);
      if (!operation.description) problems.push(`${name}: no description`);
      if (!operation.tags?.length) problems.push(`${name}: no tag`);
      if (!operation.security?.some((requirement) => 'bearer' in requirement)) {
        problems.push(`${name}: no bearer security`);
      }
      const success = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
      if (success.length === 0) problems.push(`${name}: no 2xx response`);
      for (const [status, response] of success) {
        if (status === '204') continue;
        const json = response.content?.['application/json'];
        if (!json?.schema || Object.keys(json.schema).length === 0) {
          problems.push(`${name}: ${status} response has no schema`);
        } else if (json.schema['example'] === undefined && json.example === undefined) {
          problems.push(`${name}: ${status} response has no example`);
        }
      }
      const body = operation.requestBody?.content?.['application/json'];
      if (operation.requestBody && !body?.schema) problems.push(`${name}: request body without schema`);
      if (body?.schema && body.schema['example'] === undefined && !body.example && !body.examples) {
        problems.push(`${name}: request body without example`);
      }
      if (!Object.keys(operation.responses ?? {}).includes('401'))
        problems.push(`${name}: 401 not documented`);
    }
    expect(problems).toEqual([]);
  });

  it('serves the same document as YAML and the browsable page, the same text on every request', async () => {
    const yaml = await fetch(`${suite.app.baseUrl}/api/docs-yaml`);
    expect(yaml.status).toBe(200);
    expect(yaml.headers.get('content-type')).toContain('text/yaml');
    const text = await yaml.text();
    expect(text).toMatch(/^openapi: 3\./);
    expect(text).toContain(`title: Podium API`);
    expect(await (await fetch(`${suite.app.baseUrl}/api/docs-yaml`)).text()).toBe(text);
    const json = await fetch(`${suite.app.baseUrl}/api/docs-json`);
    expect(json.headers.get('content-type')).toContain('application/json');
    expect(((await json.json()) as OpenApiDocument).paths).toEqual(document.paths);
    const page = await fetch(`${suite.app.baseUrl}/api/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger-ui');
  });

  it('answers 401 on every v1 route without a token', async () => {
    const open: string[] = [];
    for (const { method, path } of routes) {
      const url = path.replace(/:(\w+)/g, () => randomUUID());
      const response = await fetch(`${suite.app.baseUrl}${url}`, {
        method: method.toUpperCase(),
        headers: method === 'get' || method === 'delete' ? {} : { 'content-type': 'application/json' },
        body: method === 'get' || method === 'delete' ? undefined : '{}',
      });
      const body = (await response.json().catch(() => ({}))) as Partial<ApiErrorDto>;
      if (response.status !== 401 || body.code !== 'api.invalid_token') {
        open.push(`${method.toUpperCase()} ${path}: ${response.status} ${body.code ?? ''}`);
      }
    }
    expect(open).toEqual([]);
  });
});
