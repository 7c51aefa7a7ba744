import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type WorkspaceExportDocument,
  WORKSPACE_EXPORT_FORMAT,
  WORKSPACE_EXPORT_VERSION,
} from '@podium/contracts';
import { UuidParam } from '../../common/http/params';
import { type ApiActor, ApiTokenAuth, CurrentApiActor } from '../public-api/auth/api-token.guard';
import { ApiV1Operation, ApiZodResponse } from '../public-api/openapi/zod-openapi';
import { WorkspaceExportService } from './workspace-export.service';

const EXAMPLE: WorkspaceExportDocument = {
  format: WORKSPACE_EXPORT_FORMAT,
  version: WORKSPACE_EXPORT_VERSION,
  exportedAt: '2026-11-21T10:00:00.000Z',
  schema: 'Backup1764201900000',
  workspace: {
    id: '6f1c1c9e-2f5b-4d0a-9a53-1d8f1b7a9c10',
    name: 'Friday streams',
    createdAt: '2026-11-01T18:00:00+00:00',
  },
  members: [
    {
      userId: '0b7e4a52-9d35-4c0e-8d0a-4b8d7c1e2f30',
      email: 'host@example.org',
      displayName: 'Host',
      role: 'owner',
      joinedAt: '2026-11-01T18:00:00+00:00',
    },
  ],
  includesKofi: false,
  tables: {
    rewards: [
      {
        id: 'c3d2a1b0-1111-4a2b-9c3d-5e6f7a8b9c0d',
        workspace_id: '6f1c1c9e-2f5b-4d0a-9a53-1d8f1b7a9c10',
        name: 'hydrate',
        type: 'note',
        price: 100,
      },
    ],
  },
};

@ApiTags('v1: export')
@Controller('v1/workspaces/:workspaceId')
export class ExportV1Controller {
  constructor(private readonly exporter: WorkspaceExportService) {}

  @Get('export')
  @ApiTokenAuth('export:read')
  @ApiV1Operation(
    'Export the workspace',
    'The whole workspace as one JSON document (`format` podium.workspace-export, `version` 1): settings, ' +
      'members by e-mail, meetings with questions and answers, bots, rewards, viewers, balances and the ' +
      'points ledger, media as base64. `tables` maps each table to its rows with every column, ids ' +
      'kept. Ko-fi data (payer e-mails) is left out of token exports (`includesKofi: false`); the ' +
      'admin export of an owner has it. Import it in the admin (Workspace settings → Backup) or with ' +
      '`npx podium import <file>`.',
  )
  @ApiZodResponse(200, 'The export document', EXAMPLE)
  export(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
  ): Promise<WorkspaceExportDocument> {
    // The guard already refused a token of another workspace (404) or without export:read (403).
    return this.exporter.export(actor.workspaceId, { includeKofi: false });
  }
}
