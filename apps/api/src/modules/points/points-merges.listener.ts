import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../../common/events/domain-events';
import { PointsLedger } from './points-ledger';

/** When a moderator links two identities, the source's points follow its history to the target. */
@Injectable()
export class PointsMergesListener implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PointsMergesListener.name);
  private off: (() => void) | undefined;

  constructor(
    private readonly events: DomainEvents,
    private readonly ledger: PointsLedger,
  ) {}

  onModuleInit(): void {
    this.off = this.events.on('viewer.merged', async ({ workspaceId, sourceViewerId }) => {
      const moved = await this.ledger.run((tx) => this.ledger.absorbMerged(tx, workspaceId, sourceViewerId));
      if (moved > 0) this.logger.debug({ workspaceId, sourceViewerId, moved }, 'merged balance moved');
    });
  }

  onModuleDestroy(): void {
    this.off?.();
  }
}
