import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { AuthService } from './auth.service';
import { InstallationEntity } from './installation.entity';
import { PurgeSessionsJob } from './jobs/purge-sessions.job';
import { LoginLimiter } from './login-limiter';
import { PasswordHasher } from './password-hasher';
import { SessionEntity } from './session.entity';
import { SessionGuard } from './session.guard';
import { SessionsRepository } from './sessions.repository';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';
import { WorkspaceRoleGuard } from './workspace-role.guard';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, SessionEntity, InstallationEntity]), WorkspacesModule],
  providers: [
    AuthService,
    UsersRepository,
    SessionsRepository,
    PasswordHasher,
    LoginLimiter,
    PurgeSessionsJob,
    // In this order: the role guard reads the actor the session guard finds.
    { provide: APP_GUARD, useClass: SessionGuard },
    { provide: APP_GUARD, useClass: WorkspaceRoleGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
