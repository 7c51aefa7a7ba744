import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { PODIUM_VERSION } from '../config/version';

/**
 * OpenAPI 3 document at /api/docs-json, browsable at /api/docs. Request bodies come from the zod
 * schemas. Built on the first request for it, not at boot: scanning every controller took about a
 * tenth of the start time, for a page most installs never open.
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
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, config), {
    jsonDocumentUrl: 'api/docs-json',
  });
}
