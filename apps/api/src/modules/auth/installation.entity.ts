import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The one row that records who set this install up. */
@Entity({ name: 'installation' })
export class InstallationEntity {
  @PrimaryColumn({ type: 'smallint' })
  id!: number;

  @Column({ name: 'owner_user_id', type: 'uuid' })
  ownerUserId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
