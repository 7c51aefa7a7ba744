import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { dump } from 'js-yaml';
import { PODIUM_VERSION } from '../config/version';

/**
 * OpenAPI 3 document at /api/docs-json (and -yaml), browsable at /api/docs. Request bodies come
 * from the zod schemas. Built on the first request for it, not at boot: scanning every controller
 * took about a tenth of the start time, for a page most installs never open. Both texts are made
 * once: Nest's own routes serialized the whole document (1.3 MB of YAML) on every request, which
 * anyone may send, and a few at once stalled the event loop for seconds.
 */
export function setUpOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Podium API')
    .setDescription('Live audience interaction: meetings, chat platforms, bots and points.')
    .setVersion(PODIUM_VERSION)
    .addCookieAuth('podium_session')
    // The public API (/api/v1): `Authorization: Bearer pod_…`, a workspace API token.
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A workspace API token (pod_…)' })
    .build();
  let document: OpenAPIObject | undefined;
  const built = () => (document ??= SwaggerModule.createDocument(app, config));
  const once = (type: string, render: () => string) => {
    let text: string | undefined;
    return (_request: Request, response: Response) => {
      text ??= render();
      response.type(type).send(text);
    };
  };
  const http = app.getHttpAdapter();
  http.get(
    '/api/docs-json',
    once('application/json', () => JSON.stringify(built())),
  );
  http.get(
    '/api/docs-yaml',
    once('text/yaml', () => dump(built(), { skipInvalid: true, noRefs: true })),
  );
  SwaggerModule.setup('api/docs', app, built, { raw: false });
}
