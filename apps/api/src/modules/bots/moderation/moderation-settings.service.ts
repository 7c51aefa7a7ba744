import { Injectable, Logger } from '@nestjs/common';
import {
  type CompiledModeration,
  compileModeration,
  moderationSettingsIssues,
  termProblem,
} from '@podium/bots';
import {
  DEFAULT_MODERATION_SETTINGS,
  type ModerationLogPageDto,
  type ModerationLogQuerySchema,
  type ModerationSettingsDto,
  ModerationSettingsSchema,
} from '@podium/contracts';
import type { z } from 'zod';
import { ValidationException } from '../../../common/errors/validation.exception';
import { TransactionRunner } from '../../../database/transaction';
import type { Actor } from '../../auth/auth.service';
import { WorkspaceAccess } from '../../workspaces/workspace-access.service';
import { toModerationLogEntryDto } from './moderation.mapper';
import { ModerationRepository, type ModerationSettingsRow } from './moderation.repository';

/** A workspace's moderation settings (read by organizers, edited by moderators) and its log. */
@Injectable()
export class ModerationSettingsService {
  private readonly logger = new Logger(ModerationSettingsService.name);
  /** Compiled settings per workspace, keyed by their `updated_at`: compiled once per save, per replica. */
  private readonly compiled = new Map<string, { version: number; compiled: CompiledModeration }>();

  constructor(
    private readonly repository: ModerationRepository,
    private readonly access: WorkspaceAccess,
    private readonly tx: TransactionRunner,
  ) {}

  async get(actor: Actor, workspaceId: string): Promise<ModerationSettingsDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    return this.settingsOf(workspaceId, await this.repository.settings(this.tx.none, workspaceId));
  }

  /** Refuses (400, naming `bannedTerms.terms.<i>.pattern`) a regex RE2 cannot run or that could backtrack. */
  async update(
    actor: Actor,
    workspaceId: string,
    settings: ModerationSettingsDto,
  ): Promise<ModerationSettingsDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    const issues = moderationSettingsIssues(settings);
    if (issues.length > 0) throw new ValidationException(issues);
    const row = await this.repository.saveSettings(this.tx.none, workspaceId, settings);
    return this.settingsOf(workspaceId, row);
  }

  async log(
    actor: Actor,
    workspaceId: string,
    query: z.output<typeof ModerationLogQuerySchema>,
  ): Promise<ModerationLogPageDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    const rows = await this.repository.page(this.tx.none, workspaceId, query.before, query.limit);
    return { entries: rows.map(toModerationLogEntryDto) };
  }

  /** What the moderation stage judges with; null when moderation is off (or never set up). */
  async compiledFor(workspaceId: string): Promise<CompiledModeration | null> {
    const row = await this.repository.settings(this.tx.none, workspaceId);
    if (!row) return null;
    const version = new Date(row.updated_at).getTime();
    const cached = this.compiled.get(workspaceId);
    if (cached?.version === version) return cached.compiled.settings.enabled ? cached.compiled : null;
    const settings = this.settingsOf(workspaceId, row);
    let compiled: CompiledModeration;
    try {
      compiled = compileModeration(settings);
    } catch (error) {
      // Saved settings were checked; a term that no longer compiles (a library change) is dropped, not fatal.
      this.logger.error({ err: error, workspaceId }, 'stored moderation settings do not compile');
      const valid = settings.bannedTerms.terms.filter((term) => termProblem(term) === null);
      compiled = compileModeration({ ...settings, bannedTerms: { ...settings.bannedTerms, terms: valid } });
    }
    this.compiled.set(workspaceId, { version, compiled });
    return settings.enabled ? compiled : null;
  }

  /** Stored settings over the defaults (fields added since they were saved take their default). */
  private settingsOf(workspaceId: string, row: ModerationSettingsRow | null): ModerationSettingsDto {
    if (!row) return structuredClone(DEFAULT_MODERATION_SETTINGS);
    const stored = (row.settings ?? {}) as Partial<ModerationSettingsDto>;
    const merged = {
      ...DEFAULT_MODERATION_SETTINGS,
      ...stored,
      bannedTerms: { ...DEFAULT_MODERATION_SETTINGS.bannedTerms, ...stored.bannedTerms },
      links: { ...DEFAULT_MODERATION_SETTINGS.links, ...stored.links },
      caps: { ...DEFAULT_MODERATION_SETTINGS.caps, ...stored.caps },
      spam: { ...DEFAULT_MODERATION_SETTINGS.spam, ...stored.spam },
    };
    const parsed = ModerationSettingsSchema.safeParse(merged);
    if (parsed.success) return parsed.data;
    this.logger.error({ workspaceId, issues: parsed.error.issues }, 'stored moderation settings are invalid');
    return structuredClone(DEFAULT_MODERATION_SETTINGS);
  }
}
