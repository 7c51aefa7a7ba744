import { Injectable } from '@nestjs/common';
import type { EventAlertKind } from '@podium/contracts';
import type { EventAlertConfig } from '@podium/bots';
import type { Tx } from '../../../database/transaction';

interface RawSettingsRow {
  kind: EventAlertKind;
  enabled: boolean;
  chat_template: string;
  alert_template: string;
  media_id: string | null;
  sound_media_id: string | null;
  duration_ms: number;
  min_amount: string;
}

function toConfig(raw: RawSettingsRow): EventAlertConfig {
  return {
    enabled: raw.enabled,
    chatTemplate: raw.chat_template,
    alertTemplate: raw.alert_template,
    mediaId: raw.media_id,
    soundMediaId: raw.sound_media_id,
    durationMs: Number(raw.duration_ms),
    minAmount: Number(raw.min_amount),
  };
}

/** What an organizer saved per event kind; kinds never saved use the defaults. */
@Injectable()
export class EventAlertSettingsRepository {
  async find(tx: Tx, workspaceId: string, kind: EventAlertKind): Promise<EventAlertConfig | null> {
    const rows = (await tx.query(
      `SELECT "kind", "enabled", "chat_template", "alert_template", "media_id", "sound_media_id", "duration_ms", "min_amount"
       FROM "bot_event_alert_settings" WHERE "workspace_id" = $1 AND "kind" = $2`,
      [workspaceId, kind],
    )) as RawSettingsRow[];
    return rows[0] ? toConfig(rows[0]) : null;
  }

  async upsert(tx: Tx, workspaceId: string, kind: EventAlertKind, config: EventAlertConfig): Promise<void> {
    await tx.query(
      `INSERT INTO "bot_event_alert_settings"
         ("workspace_id", "kind", "enabled", "chat_template", "alert_template", "media_id", "sound_media_id", "duration_ms", "min_amount")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT ON CONSTRAINT "pk_bot_event_alert_settings" DO UPDATE SET
         "enabled" = EXCLUDED."enabled", "chat_template" = EXCLUDED."chat_template",
         "alert_template" = EXCLUDED."alert_template", "media_id" = EXCLUDED."media_id",
         "sound_media_id" = EXCLUDED."sound_media_id", "duration_ms" = EXCLUDED."duration_ms",
         "min_amount" = EXCLUDED."min_amount", "updated_at" = now()`,
      [
        workspaceId,
        kind,
        config.enabled,
        config.chatTemplate,
        config.alertTemplate,
        config.mediaId,
        config.soundMediaId,
        config.durationMs,
        config.minAmount,
      ],
    );
  }
}
