import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ConnectionStatus, Platform } from '@podium/contracts';

/** A workspace's link to one channel on one platform. Credentials are sealed (SecretBox). */
@Entity({ name: 'platform_connections' })
export class ConnectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ type: 'varchar', length: 16 })
  platform!: Platform;

  @Column({ name: 'account_id', type: 'varchar', length: 300 })
  accountId!: string;

  @Column({ name: 'account_name', type: 'varchar', length: 300, nullable: true })
  accountName!: string | null;

  @Column({ name: 'bot_account_id', type: 'varchar', length: 100, nullable: true })
  botAccountId!: string | null;

  @Column({ name: 'bot_account_name', type: 'varchar', length: 300, nullable: true })
  botAccountName!: string | null;

  @Column({ type: 'varchar', length: 24 })
  status!: ConnectionStatus;

  @Column({ name: 'status_detail', type: 'varchar', length: 500, nullable: true })
  statusDetail!: string | null;

  @Column({ type: 'text', nullable: true })
  credentials!: string | null;

  @Column({ name: 'bot_credentials', type: 'text', nullable: true })
  botCredentials!: string | null;

  @Column({ type: 'jsonb' })
  state!: Record<string, unknown>;

  @Column({ name: 'webhook_key', type: 'varchar', length: 64, nullable: true })
  webhookKey!: string | null;

  @Column({ name: 'last_event_at', type: 'timestamptz', nullable: true })
  lastEventAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
