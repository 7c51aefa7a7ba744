import type { FlagDto } from '@podium/contracts';
import type { FlagEntity } from './flag.entity';

export function toFlagDto(flag: FlagEntity, captures: number): FlagDto {
  return {
    id: flag.id,
    workspaceId: flag.workspaceId,
    meetingId: flag.meetingId,
    name: flag.name,
    code: flag.code,
    points: flag.points,
    captures,
    createdAt: flag.createdAt.toISOString(),
  };
}
