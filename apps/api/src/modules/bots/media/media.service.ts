import { Injectable } from '@nestjs/common';
import { MEDIA_MAX_BYTES, type MediaDto, type MediaKind } from '@podium/contracts';
import { TransactionRunner } from '../../../database/transaction';
import type { Actor } from '../../auth/auth.service';
import { WorkspaceAccess } from '../../workspaces/workspace-access.service';
import { BotsErrorCode, BotsException } from '../bots.exception';
import { type MediaRow, MediaRepository } from './media.repository';
import { sniffMedia } from './media-sniff';

/** What multer hands over (memory storage). */
export interface UploadedMedia {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/** A file name without control characters (it is shown in the admin, never used as a path). */
function printable(name: string | undefined): string {
  return [...(name ?? '')]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f)
    .join('')
    .trim();
}

export function toMediaDto(row: MediaRow): MediaDto {
  return {
    id: row.id,
    name: row.name,
    contentType: row.contentType,
    kind: row.kind,
    size: row.size,
    createdAt: row.createdAt.toISOString(),
    url: `/api/media/${row.id}`,
  };
}

/** Images, animations and sounds for alerts: moderators upload, overlays load by unguessable id. */
@Injectable()
export class MediaService {
  constructor(
    private readonly access: WorkspaceAccess,
    private readonly repository: MediaRepository,
    private readonly tx: TransactionRunner,
  ) {}

  async upload(actor: Actor, workspaceId: string, file: UploadedMedia | undefined): Promise<MediaDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    if (!file || file.size === 0) {
      throw new BotsException(BotsErrorCode.MediaUnsupported, 'Attach a file in the "file" field', {
        field: 'file',
      });
    }
    // Multer already stops at the limit; this keeps the rule true whatever the transport.
    if (file.buffer.length > MEDIA_MAX_BYTES) {
      throw new BotsException(BotsErrorCode.MediaUnsupported, 'Files are limited to 10 MB', {
        field: 'file',
      });
    }
    const sniffed = sniffMedia(file.buffer);
    if (!sniffed) {
      throw new BotsException(
        BotsErrorCode.MediaUnsupported,
        'Only PNG, JPEG, GIF, WebP, WebM, MP4, MP3, Ogg and WAV files are accepted',
        { field: 'file' },
      );
    }
    const name = printable(file.originalname).slice(0, 200) || 'upload';
    const row = await this.repository.insert(this.tx.none, {
      workspaceId,
      name,
      contentType: sniffed.contentType,
      kind: sniffed.kind,
      size: file.buffer.length,
      data: file.buffer,
    });
    return toMediaDto(row);
  }

  async list(actor: Actor, workspaceId: string): Promise<MediaDto[]> {
    await this.access.require(actor, workspaceId, 'viewer');
    return (await this.repository.list(this.tx.none, workspaceId)).map(toMediaDto);
  }

  async remove(actor: Actor, workspaceId: string, mediaId: string): Promise<void> {
    await this.access.require(actor, workspaceId, 'moderator');
    if (!(await this.repository.delete(this.tx.none, workspaceId, mediaId))) {
      throw new BotsException(BotsErrorCode.MediaNotFound, 'No such media');
    }
  }

  /** Public: the bytes behind an id, for overlays. */
  async content(mediaId: string): Promise<{ contentType: string; data: Buffer }> {
    const content = await this.repository.content(this.tx.none, mediaId);
    if (!content) throw new BotsException(BotsErrorCode.MediaNotFound, 'No such media');
    return content;
  }

  /**
   * Checks that a media id picked in settings belongs to the workspace and is of a usable kind
   * (a picture or video for the visual, a sound for the sound).
   */
  async requireUsable(
    workspaceId: string,
    mediaId: string,
    kinds: readonly MediaKind[],
    field: string,
  ): Promise<MediaRow> {
    const row = await this.repository.find(this.tx.none, workspaceId, mediaId);
    if (!row)
      throw new BotsException(BotsErrorCode.MediaNotFound, 'No such media in this workspace', { field });
    if (!kinds.includes(row.kind)) {
      throw new BotsException(BotsErrorCode.MediaWrongKind, `This needs ${kinds.join(' or ')} media`, {
        field,
      });
    }
    return row;
  }
}
