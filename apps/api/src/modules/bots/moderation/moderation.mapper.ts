import type { ModerationLogEntryDto } from '@podium/contracts';
import type { ModerationLogRow } from './moderation.repository';

export function toModerationLogEntryDto(row: ModerationLogRow): ModerationLogEntryDto {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    at: new Date(row.created_at).toISOString(),
    platform: row.platform,
    connectionId: row.connection_id,
    eventId: row.event_id,
    viewerId: row.viewer_id,
    viewerDisplayName: row.viewer_display_name,
    messageText: row.message_text,
    rule: row.rule,
    ruleDetail: row.rule_detail,
    action: row.action,
    outcome: row.outcome,
    outcomeDetail: row.outcome_detail,
  };
}
