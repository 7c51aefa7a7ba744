import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { PODIUM_VERSION } from '../config/version';

/** OpenAPI 3 document at /api/docs-json, browsable at /api/docs. Request bodies come from the zod schemas. */
export function setUpOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Podium API')
      .setDescription('Live audience interaction: meetings, chat platforms, bots and points.')
      .setVersion(PODIUM_VERSION)
      .addCookieAuth('podium_session')
      // The public API (/api/v1): `Authorization: Bearer pod_…`, a workspace API token.
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A workspace API token (pod_…)' })
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
