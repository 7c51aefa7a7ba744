/**
 * The tables a workspace export holds, parents before children (the import inserts in this order).
 *
 * THE ONE EXCEPTION to "modules never read each other's tables": a backup must be one consistent
 * snapshot taken in one transaction, and every domain would otherwise need an exporter. So the
 * backup repository reads and writes exactly these tables with explicit SQL, column lists taken
 * from the database itself. A table added later is neither exported nor imported until it is
 * listed here or in EXCLUDED_TABLES (a test fails while a workspace table is in neither).
 */
export interface BackupTable {
  name: string;
  /** SQL condition selecting the workspace's rows, `$1` being the workspace id, `t` the table. */
  scope: string;
  /** ORDER BY for a stable document. */
  order: string;
  /** Columns inserted NULL first and set after every row is in (self and circular references). */
  deferred?: readonly string[];
  /** Columns holding a user id: mapped by e-mail through the members on import (NULL when unknown). */
  userColumns?: readonly string[];
  /** Only in exports made by an owner (personal e-mails, payments). */
  ownerOnly?: boolean;
}

const ws = 't."workspace_id" = $1';
const ofMeeting = 't."meeting_id" IN (SELECT "id" FROM "meetings" WHERE "workspace_id" = $1)';

export const BACKUP_TABLES: readonly BackupTable[] = [
  { name: 'viewers', scope: ws, order: '"first_seen_at", "id"', deferred: ['merged_into_id'] },
  { name: 'media', scope: ws, order: '"created_at", "id"' },
  {
    name: 'meetings',
    scope: ws,
    order: '"created_at", "id"',
    deferred: ['current_question_id'],
    userColumns: ['controller_user_id'],
  },
  { name: 'meeting_questions', scope: ofMeeting, order: '"meeting_id", "position"' },
  { name: 'attendees', scope: ofMeeting, order: '"created_at", "id"' },
  { name: 'answers', scope: ofMeeting, order: '"answered_at", "id"' },
  { name: 'qa_entries', scope: ofMeeting, order: '"created_at", "id"' },
  {
    name: 'qa_upvotes',
    scope: `t."entry_id" IN (SELECT e."id" FROM "qa_entries" e JOIN "meetings" m ON m."id" = e."meeting_id"
            WHERE m."workspace_id" = $1)`,
    order: '"entry_id", "attendee_id"',
  },
  { name: 'flags', scope: ws, order: '"created_at", "id"' },
  { name: 'flag_captures', scope: ofMeeting, order: '"flag_id", "attendee_id"' },
  { name: 'meeting_chat_posts', scope: ws, order: '"meeting_id", "live_version", "kind"' },
  { name: 'inroom_silenced_attendees', scope: ws, order: '"attendee_id"' },
  { name: 'bot_settings', scope: ws, order: '"workspace_id"' },
  { name: 'bot_commands', scope: ws, order: '"created_at", "id"' },
  { name: 'bot_command_names', scope: ws, order: '"name"' },
  { name: 'bot_auto_responses', scope: ws, order: '"created_at", "id"' },
  { name: 'bot_cooldowns', scope: ws, order: '"subject_id", "scope"' },
  { name: 'bot_announcements', scope: ws, order: '"created_at", "id"' },
  { name: 'bot_revolutions', scope: ws, order: '"created_at", "id"' },
  { name: 'bot_revolution_hits', scope: ws, order: '"revolution_id", "viewer_id", "at"' },
  { name: 'bot_alerts', scope: ws, order: '"created_at", "id"' },
  { name: 'bot_event_alert_settings', scope: ws, order: '"kind"' },
  { name: 'bot_countdowns', scope: ws, order: '"id"' },
  { name: 'bot_moderation_settings', scope: ws, order: '"workspace_id"' },
  { name: 'points_settings', scope: ws, order: '"workspace_id"' },
  { name: 'points_action_settings', scope: ws, order: '"workspace_id"' },
  { name: 'points_balances', scope: ws, order: '"viewer_id"' },
  { name: 'points_ledger', scope: ws, order: '"seq"', userColumns: ['actor_user_id'] },
  { name: 'points_cycles', scope: ws, order: '"cycle_start"' },
  { name: 'points_cycle_payouts', scope: ws, order: '"cycle_seq", "viewer_id"' },
  { name: 'points_stream_sources', scope: ws, order: '"source"' },
  { name: 'points_streams', scope: ws, order: '"seq"' },
  { name: 'points_stream_attendance', scope: ws, order: '"stream_id", "viewer_id"' },
  { name: 'points_streaks', scope: ws, order: '"viewer_id"' },
  { name: 'points_meeting_conversions', scope: ws, order: '"meeting_id"' },
  { name: 'reward_categories', scope: ws, order: '"created_at", "id"' },
  { name: 'rewards', scope: ws, order: '"created_at", "id"' },
  { name: 'reward_category_links', scope: ws, order: '"reward_id", "category_id"' },
  {
    name: 'redemptions',
    scope: ws,
    order: '"created_at", "id"',
    userColumns: ['decided_by_user_id'],
  },
  { name: 'reward_cooldowns', scope: ws, order: '"reward_id", "scope"' },
  { name: 'reward_limit_counts', scope: ws, order: '"reward_id", "scope", "stream_key"' },
  { name: 'goal_progress', scope: ws, order: '"reward_id"' },
  { name: 'goal_contributions', scope: ws, order: '"created_at", "id"' },
  { name: 'goal_milestones_reached', scope: ws, order: '"reward_id", "round", "at"' },
  { name: 'vote_rounds', scope: ws, order: '"reward_id"' },
  { name: 'vote_ballots', scope: ws, order: '"created_at", "id"' },
  { name: 'special_deliveries', scope: ws, order: '"created_at", "redemption_id"' },
  { name: 'kofi_settings', scope: ws, order: '"id"', ownerOnly: true },
  {
    name: 'kofi_links',
    scope: ws,
    order: '"created_at", "id"',
    ownerOnly: true,
    userColumns: ['actor_user_id'],
  },
  { name: 'kofi_payments', scope: ws, order: '"received_at", "id"', ownerOnly: true },
  { name: 'backup_schedules', scope: ws, order: '"workspace_id"' },
];

/**
 * Workspace tables deliberately left out, and why (docs/backup.md says the same to users).
 * Tokens and sessions are secrets of this installation; platform connections hold credentials
 * sealed with this installation's key (connect the platforms again after a restore), and the
 * chat history, outbox and moderation log hang off those connections.
 */
export const EXCLUDED_TABLES: Readonly<Record<string, string>> = {
  workspaces: 'the document carries the workspace itself',
  workspace_members: 'carried as members, by e-mail',
  invites: 'single-use tokens of this installation',
  overlay_tokens: 'tokens of this installation: issue new overlay URLs',
  panel_links: 'viewer sign-in links expire within minutes',
  panel_sessions: 'viewer sessions of this installation',
  platform_connections: 'credentials sealed with this installation key: connect again',
  chat_events: 'chat history of the connections',
  chat_outbox: 'messages queued for the connections',
  bot_event_effects: 'per chat event, with the chat history',
  bot_moderation_log: 'per chat event, with the chat history',
  inroom_hidden_messages: 'per chat event, with the chat history',
  api_tokens: 'secrets of this installation: create new tokens',
  api_idempotency_keys: 'replay records of API calls, kept for a day',
  webhook_subscriptions: 'signing secrets of this installation: subscribe again',
  webhook_deliveries: 'delivery log of the subscriptions',
  webhook_attempts: 'delivery log of the subscriptions',
  reports: 'derived from the chat history, which stays behind',
  report_live_streams: 'derived from the chat history, which stays behind',
  report_viewer_samples: 'derived from the chat history, which stays behind',
};

/** Settings rows a new workspace may get by default: an import replaces them instead of refusing. */
export const REPLACEABLE_TABLES: ReadonlySet<string> = new Set([
  'bot_settings',
  'bot_moderation_settings',
  'bot_event_alert_settings',
  'points_settings',
  'points_action_settings',
  'points_stream_sources',
  'kofi_settings',
  'backup_schedules',
]);
