import { Injectable } from '@nestjs/common';
import { checkCooldowns, type CooldownVerdict } from '@podium/bots';
import { type Tx, TransactionRunner } from '../../../database/transaction';
import { BotCooldownsRepository, GLOBAL_SCOPE } from './bot-cooldowns.repository';

/** What answers with cooldowns: a custom command or an auto-response. */
export interface CooledDown {
  id: string;
  workspaceId: string;
  globalCooldownSeconds: number;
  userCooldownSeconds: number;
}

/** Whether answering must claim a cooldown first (else nothing is claimed and no transaction runs). */
export function hasCooldown(subject: CooledDown): boolean {
  return subject.globalCooldownSeconds > 0 || subject.userCooldownSeconds > 0;
}

/** Thrown inside the transaction to roll back a global claim when the user's cooldown refuses. */
class CooldownRefused extends Error {}

/** Claims a subject's global and per-user cooldowns together, or neither. */
@Injectable()
export class CooldownGate {
  constructor(
    private readonly cooldowns: BotCooldownsRepository,
    private readonly tx: TransactionRunner,
  ) {}

  /**
   * Runs `work` in the transaction that claimed both cooldowns; null (and nothing claimed) when
   * either still runs. A retry of the same event claims again. With no cooldown to claim there is
   * no transaction: `work` runs on its own (keep it one statement when it must be atomic).
   */
  async run<T>(
    subject: CooledDown,
    claim: { scope: string; eventId: string },
    work: (tx: Tx) => Promise<T>,
  ): Promise<T | null> {
    if (!hasCooldown(subject)) return work(this.tx.none);
    try {
      return await this.tx.run(async (tx) => {
        const base = { workspaceId: subject.workspaceId, subjectId: subject.id, eventId: claim.eventId };
        if (
          subject.globalCooldownSeconds > 0 &&
          !(await this.cooldowns.claim(tx, {
            ...base,
            scope: GLOBAL_SCOPE,
            seconds: subject.globalCooldownSeconds,
          }))
        )
          throw new CooldownRefused();
        if (
          subject.userCooldownSeconds > 0 &&
          !(await this.cooldowns.claim(tx, {
            ...base,
            scope: claim.scope,
            seconds: subject.userCooldownSeconds,
          }))
        )
          throw new CooldownRefused();
        return work(tx);
      });
    } catch (error) {
      if (error instanceof CooldownRefused) return null;
      throw error;
    }
  }

  /** Whether it could answer now, without claiming anything (the sandbox). */
  async peek(subject: CooledDown, scope: string): Promise<CooldownVerdict> {
    const rows = await this.cooldowns.read(this.tx.none, subject.id, [GLOBAL_SCOPE, scope]);
    const now = rows[0]?.now.getTime() ?? Date.now();
    const endOf = (wanted: string, seconds: number) =>
      seconds > 0 ? rows.find((row) => row.scope === wanted)?.until.getTime() : undefined;
    return checkCooldowns(
      {
        globalEndsAt: endOf(GLOBAL_SCOPE, subject.globalCooldownSeconds),
        userEndsAt: endOf(scope, subject.userCooldownSeconds),
      },
      now,
    );
  }
}
