import { Injectable } from '@nestjs/common';
import type {
  CategoryDto,
  CreateCategoryRequestSchema,
  CreateRewardRequestSchema,
  ImportRewardsResultDto,
  RewardDto,
  RewardListDto,
  SetActiveCategoriesRequestSchema,
  SpecialConfigInput,
  UpdateCategoryRequestSchema,
  UpdateRewardRequestSchema,
} from '@podium/contracts';
import { parseTlapbotRewards } from '@podium/redeems';
import type { z } from 'zod';
import { SecretBox } from '../../common/crypto/secret-box';
import { ValidationException } from '../../common/errors/validation.exception';
import { DomainEvents } from '../../common/events/domain-events';
import { TransactionRunner, type Tx } from '../../database/transaction';
import { isUniqueViolation } from '../../database/unique-violation';
import type { Actor } from '../auth/auth.service';
import { WorkspaceAccess } from '../workspaces/workspace-access.service';
import { RedeemsErrorCode, RedeemsException } from './redeems.exception';
import { toCategoryDto, toRewardDto } from './redeems.mapper';
import { withObsAction } from './reward-obs-actions';
import {
  type RewardConfig,
  type RewardCore,
  type RewardRow,
  RewardsRepository,
  type RewardWrite,
} from './rewards.repository';

type CreateReward = z.output<typeof CreateRewardRequestSchema>;
type UpdateReward = z.output<typeof UpdateRewardRequestSchema>;

/** Rewards CRUD, categories (switched active as a set) and the Tlapbot import. */
@Injectable()
export class RewardsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly rewards: RewardsRepository,
    private readonly access: WorkspaceAccess,
    private readonly events: DomainEvents,
    private readonly secrets: SecretBox,
  ) {}

  async list(actor: Actor, workspaceId: string): Promise<RewardListDto> {
    await this.access.require(actor, workspaceId, 'viewer');
    return this.listOf(workspaceId);
  }

  /** Every reward and category of the workspace, without an access check (panel, chat, CLI). */
  async listOf(workspaceId: string): Promise<RewardListDto> {
    const rows = await this.rewards.list(this.tx.none, workspaceId);
    const categories = await this.rewards.categories(this.tx.none, workspaceId);
    return { rewards: rows.map(toRewardDto), categories: categories.map(toCategoryDto) };
  }

  async get(actor: Actor, workspaceId: string, rewardId: string): Promise<RewardDto> {
    await this.access.require(actor, workspaceId, 'viewer');
    return this.getOf(workspaceId, rewardId);
  }

  /** One reward without an access check (the public API, after its scope check). */
  async getOf(workspaceId: string, rewardId: string): Promise<RewardDto> {
    return toRewardDto(await this.require(this.tx.none, workspaceId, rewardId));
  }

  /** The reward's stored row (the special secret sealed), for redeems and type handlers. */
  async row(workspaceId: string, rewardId: string, tx: Tx = this.tx.none): Promise<RewardRow | null> {
    return this.rewards.find(tx, workspaceId, rewardId);
  }

  /** Every reward's stored row of the workspace, by name. */
  async rowsOf(workspaceId: string): Promise<RewardRow[]> {
    return this.rewards.list(this.tx.none, workspaceId);
  }

  async rowByName(workspaceId: string, name: string, tx: Tx = this.tx.none): Promise<RewardRow | null> {
    return this.rewards.findByName(tx, workspaceId, name);
  }

  /** The reward named so, without its redeem count (a chat line redeeming it never shows it). */
  async coreByName(workspaceId: string, name: string): Promise<RewardCore | null> {
    return this.rewards.findCoreByName(this.tx.none, workspaceId, name);
  }

  /** A special reward's signing secret, decrypted; null when none is stored. */
  specialSecretOf(row: RewardRow): string | null {
    const sealed = row.config.special?.secretSealed;
    return sealed ? this.secrets.open(sealed) : null;
  }

  async create(actor: Actor, workspaceId: string, body: CreateReward): Promise<RewardDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    const write: RewardWrite = {
      name: body.name,
      type: body.type,
      price: body.price,
      description: body.description,
      enabled: body.enabled,
      globalCooldownSeconds: body.globalCooldownSeconds,
      viewerCooldownSeconds: body.viewerCooldownSeconds,
      maxPerStream: body.maxPerStream,
      maxPerViewer: body.maxPerViewer,
      requiresNote: body.requiresNote || body.type === 'note',
      autoFulfil: body.autoFulfil || body.type === 'counter',
      eligibility: body.eligibility,
      config: withObsAction(this.config(body, null), body.obsAction, undefined),
    };
    const row = await this.tx.run(async (tx) => {
      const id = await this.rewards.insert(tx, workspaceId, write);
      if (!id) throw nameTaken(body.name);
      await this.rewards.setCategories(
        tx,
        workspaceId,
        id,
        await this.rewards.ensureCategories(tx, workspaceId, body.categories),
      );
      return this.require(tx, workspaceId, id);
    });
    this.events.publish('reward.changed', { workspaceId, rewardId: row.id });
    return toRewardDto(row);
  }

  async update(actor: Actor, workspaceId: string, rewardId: string, body: UpdateReward): Promise<RewardDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    return this.updateOf(workspaceId, rewardId, body);
  }

  /** The update without an access check (the public API, after its scope check). */
  async updateOf(workspaceId: string, rewardId: string, body: UpdateReward): Promise<RewardDto> {
    const row = await this.tx
      .run(async (tx) => {
        const current = await this.require(tx, workspaceId, rewardId);
        for (const key of ['goal', 'vote', 'special'] as const) {
          if (body[key] !== undefined && current.type !== key) {
            throw new ValidationException([{ field: key, message: `only for a ${key} reward` }]);
          }
        }
        const type = current.type;
        const write: RewardWrite = {
          name: body.name ?? current.name,
          type,
          price: body.price ?? Number(current.price),
          description: body.description ?? current.description,
          enabled: body.enabled ?? current.enabled,
          globalCooldownSeconds: body.globalCooldownSeconds ?? current.global_cooldown_seconds,
          viewerCooldownSeconds: body.viewerCooldownSeconds ?? current.viewer_cooldown_seconds,
          maxPerStream: body.maxPerStream !== undefined ? body.maxPerStream : current.max_per_stream,
          maxPerViewer: body.maxPerViewer !== undefined ? body.maxPerViewer : current.max_per_viewer,
          requiresNote: (body.requiresNote ?? current.requires_note) || type === 'note',
          autoFulfil: (body.autoFulfil ?? current.auto_fulfil) || type === 'counter',
          eligibility: body.eligibility ?? current.eligibility,
          config: withObsAction(
            this.config({ type, goal: body.goal, vote: body.vote, special: body.special }, current.config),
            body.obsAction,
            current.config.obsAction,
          ),
        };
        if (!(await this.rewards.update(tx, workspaceId, rewardId, write))) throw notFound();
        if (body.categories) {
          const ids = await this.rewards.ensureCategories(tx, workspaceId, body.categories);
          await this.rewards.setCategories(tx, workspaceId, rewardId, ids);
        }
        return this.require(tx, workspaceId, rewardId);
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error, 'uq_rewards_name')) throw nameTaken(body.name ?? '');
        throw error;
      });
    this.events.publish('reward.changed', { workspaceId, rewardId });
    return toRewardDto(row);
  }

  /** Deletes the reward; its redemptions stay in the history (with the reward's name). */
  async remove(actor: Actor, workspaceId: string, rewardId: string): Promise<void> {
    await this.access.require(actor, workspaceId, 'moderator');
    if (!(await this.rewards.delete(this.tx.none, workspaceId, rewardId))) throw notFound();
    this.events.publish('reward.changed', { workspaceId, rewardId });
  }

  /** Counters back to 0 (every reward, or one). No access check: callers check (queue service, CLI). */
  async resetCountersOf(workspaceId: string, rewardId: string | null): Promise<number> {
    const count = await this.rewards.resetCounters(this.tx.none, workspaceId, rewardId);
    if (rewardId && count === 0) throw notFound();
    this.events.publish('reward.changed', { workspaceId, rewardId });
    return count;
  }

  /* ---------- categories ---------- */

  async categories(actor: Actor, workspaceId: string): Promise<CategoryDto[]> {
    await this.access.require(actor, workspaceId, 'viewer');
    return (await this.rewards.categories(this.tx.none, workspaceId)).map(toCategoryDto);
  }

  async createCategory(
    actor: Actor,
    workspaceId: string,
    body: z.output<typeof CreateCategoryRequestSchema>,
  ): Promise<CategoryDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    const id = await this.rewards.insertCategory(this.tx.none, workspaceId, body.name, body.active);
    if (!id) throw categoryNameTaken(body.name);
    this.events.publish('reward.changed', { workspaceId, rewardId: null });
    return this.requireCategory(workspaceId, id);
  }

  async updateCategory(
    actor: Actor,
    workspaceId: string,
    categoryId: string,
    body: z.output<typeof UpdateCategoryRequestSchema>,
  ): Promise<CategoryDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    let updated: boolean;
    try {
      updated = await this.rewards.updateCategory(this.tx.none, workspaceId, categoryId, body);
    } catch (error) {
      if (isUniqueViolation(error, 'uq_reward_categories_name')) throw categoryNameTaken(body.name ?? '');
      throw error;
    }
    if (!updated) throw categoryNotFound();
    this.events.publish('reward.changed', { workspaceId, rewardId: null });
    return this.requireCategory(workspaceId, categoryId);
  }

  /** Its rewards lose the category (and become always active if it was their only one). */
  async removeCategory(actor: Actor, workspaceId: string, categoryId: string): Promise<void> {
    await this.access.require(actor, workspaceId, 'moderator');
    if (!(await this.rewards.deleteCategory(this.tx.none, workspaceId, categoryId))) throw categoryNotFound();
    this.events.publish('reward.changed', { workspaceId, rewardId: null });
  }

  /** Tlapbot's ACTIVE_CATEGORIES: exactly these become active, every other category inactive. */
  async setActiveCategories(
    actor: Actor,
    workspaceId: string,
    body: z.output<typeof SetActiveCategoriesRequestSchema>,
  ): Promise<CategoryDto[]> {
    await this.access.require(actor, workspaceId, 'moderator');
    const known = await this.rewards.categories(this.tx.none, workspaceId);
    const lower = new Set(known.map((category) => category.name.toLowerCase()));
    const unknown = body.active.filter((name) => !lower.has(name.toLowerCase()));
    if (unknown.length > 0) {
      throw new ValidationException([
        { field: 'active', message: `unknown categories: ${unknown.join(', ')}` },
      ]);
    }
    await this.rewards.setActiveSet(this.tx.none, workspaceId, body.active);
    this.events.publish('reward.changed', { workspaceId, rewardId: null });
    return (await this.rewards.categories(this.tx.none, workspaceId)).map(toCategoryDto);
  }

  /* ---------- import ---------- */

  /** Tlapbot's rewards file: new names are created, existing names skipped (never overwritten). */
  async importTlapbot(actor: Actor, workspaceId: string, file: unknown): Promise<ImportRewardsResultDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    const parsed = parseTlapbotRewards(file);
    const skipped = [...parsed.skipped];
    const createdIds = await this.tx.run(async (tx) => {
      const ids: string[] = [];
      for (const reward of parsed.rewards) {
        const id = await this.rewards.insert(tx, workspaceId, {
          name: reward.name,
          type: reward.type,
          price: reward.price,
          description: reward.description,
          enabled: true,
          globalCooldownSeconds: 0,
          viewerCooldownSeconds: 0,
          maxPerStream: null,
          maxPerViewer: null,
          requiresNote: reward.type === 'note',
          autoFulfil: reward.type === 'counter',
          eligibility: 'everyone',
          config: reward.goal ? { goal: reward.goal } : {},
        });
        if (!id) {
          skipped.push({ name: reward.name, reason: 'a reward with this name already exists' });
          continue;
        }
        await this.rewards.setCategories(
          tx,
          workspaceId,
          id,
          await this.rewards.ensureCategories(tx, workspaceId, reward.categories),
        );
        ids.push(id);
      }
      return ids;
    });
    const rows = await this.rewards.list(this.tx.none, workspaceId);
    if (createdIds.length > 0) this.events.publish('reward.changed', { workspaceId, rewardId: null });
    return { created: rows.filter((row) => createdIds.includes(row.id)).map(toRewardDto), skipped };
  }

  /* ---------- helpers ---------- */

  private async require(tx: Tx, workspaceId: string, rewardId: string): Promise<RewardRow> {
    const row = await this.rewards.find(tx, workspaceId, rewardId);
    if (!row) throw notFound();
    return row;
  }

  private async requireCategory(workspaceId: string, categoryId: string): Promise<CategoryDto> {
    const row = (await this.rewards.categories(this.tx.none, workspaceId)).find((c) => c.id === categoryId);
    if (!row) throw categoryNotFound();
    return toCategoryDto(row);
  }

  /** The stored type config: goal/vote as given, special with its secret sealed (kept when omitted). */
  private config(
    body: { type: string; goal?: unknown; vote?: unknown; special?: SpecialConfigInput },
    current: RewardConfig | null,
  ): RewardConfig {
    if (body.type === 'goal') return { goal: body.goal ?? current?.goal };
    if (body.type === 'vote') return { vote: body.vote ?? current?.vote };
    if (body.type === 'special') {
      const special = body.special;
      if (!special) return current ?? {};
      const secretSealed = special.secret
        ? this.secrets.seal(special.secret)
        : (current?.special?.secretSealed ?? null);
      if (!secretSealed) {
        throw new ValidationException([{ field: 'special.secret', message: 'is required' }]);
      }
      return { special: { url: special.url, secretSealed } };
    }
    return {};
  }
}

function notFound(): RedeemsException {
  return new RedeemsException(RedeemsErrorCode.RewardNotFound, 'No such reward in this workspace');
}

function nameTaken(name: string): RedeemsException {
  return new RedeemsException(RedeemsErrorCode.RewardNameTaken, `A reward named ${name} already exists`, {
    field: 'name',
  });
}

function categoryNotFound(): RedeemsException {
  return new RedeemsException(RedeemsErrorCode.CategoryNotFound, 'No such category in this workspace');
}

function categoryNameTaken(name: string): RedeemsException {
  return new RedeemsException(RedeemsErrorCode.CategoryNameTaken, `A category named ${name} already exists`, {
    field: 'name',
  });
}
