import { Controller, Delete, Get, HttpCode, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiTags } from '@nestjs/swagger';
import { MEDIA_MAX_BYTES, type MediaDto } from '@podium/contracts';
import type { Response } from 'express';
import { memoryStorage } from 'multer';
import { type Member, Membership } from '../../../common/http/membership.decorator';
import { UuidParam } from '../../../common/http/params';
import { Public } from '../../auth/session.guard';
import { RequireRole } from '../../auth/workspace-role.guard';
import { MediaService, type UploadedMedia } from './media.service';

/** Multipart has its own limit (the JSON body limit does not apply): one file, at most 10 MB. */
const UPLOAD = FileInterceptor('file', {
  storage: memoryStorage(),
  limits: { fileSize: MEDIA_MAX_BYTES, files: 1, fields: 5, parts: 6 },
});

@ApiTags('bots')
@Controller()
export class MediaController {
  constructor(private readonly media: MediaService) {}

  @RequireRole('moderator')
  @Post('workspaces/:workspaceId/media')
  @UseInterceptors(UPLOAD)
  upload(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UploadedFile() file: UploadedMedia | undefined,
  ): Promise<MediaDto> {
    return this.media.upload(actor, workspaceId, file);
  }

  @RequireRole('viewer')
  @Get('workspaces/:workspaceId/media')
  list(@Membership() actor: Member, @UuidParam('workspaceId') workspaceId: string): Promise<MediaDto[]> {
    return this.media.list(actor, workspaceId);
  }

  @RequireRole('moderator')
  @Delete('workspaces/:workspaceId/media/:mediaId')
  @HttpCode(204)
  remove(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('mediaId') mediaId: string,
  ): Promise<void> {
    return this.media.remove(actor, workspaceId, mediaId);
  }

  /** Public: overlays load media by its unguessable id. Never sniffed by the browser, cached for good. */
  @Public()
  @Get('media/:mediaId')
  async serve(@UuidParam('mediaId') mediaId: string, @Res() response: Response): Promise<void> {
    const { contentType, data } = await this.media.content(mediaId);
    response
      .status(200)
      .setHeader('Content-Type', contentType)
      .setHeader('Content-Length', String(data.length))
      .setHeader('Cache-Control', 'public, max-age=31536000, immutable')
      .setHeader('X-Content-Type-Options', 'nosniff')
      .setHeader('Content-Security-Policy', "default-src 'none'; sandbox")
      .end(data);
  }
}
