import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Tx } from '../../database/transaction';
import { InstallationEntity } from './installation.entity';
import { UserEntity } from './user.entity';

export interface NewUser {
  email: string;
  displayName: string;
  passwordHash: string;
}

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ email });
  }

  /** Returns null when the e-mail address is taken (unique constraint, race-safe). */
  async insert(tx: Tx, user: NewUser): Promise<UserEntity | null> {
    const rows = await tx
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values(user)
      .orIgnore()
      .returning('*')
      .execute();
    const id = (rows.raw as { id: string }[])[0]?.id;
    return id ? tx.findOneByOrFail(UserEntity, { id }) : null;
  }

  async isInstalled(): Promise<boolean> {
    return (await this.users.manager.countBy(InstallationEntity, { id: 1 })) > 0;
  }

  /** Claims the install for its owner; false when someone else already did. */
  async claimInstallation(tx: Tx, ownerUserId: string): Promise<boolean> {
    const result = await tx
      .createQueryBuilder()
      .insert()
      .into(InstallationEntity)
      .values({ id: 1, ownerUserId })
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length === 1;
  }
}
