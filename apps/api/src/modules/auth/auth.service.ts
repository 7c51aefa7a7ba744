import { Injectable } from '@nestjs/common';
import type { UserDto } from '@podium/contracts';
import { AppConfig } from '../../config/app-config';
import { hashToken, newSecretToken } from '../../common/tokens';
import type { Tx } from '../../database/transaction';
import { AuthErrorCode, AuthException } from './auth.exception';
import { LoginLimiter } from './login-limiter';
import { PasswordHasher } from './password-hasher';
import { SessionsRepository } from './sessions.repository';
import type { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

/** The signed-in organizer a request acts for. */
export interface Actor {
  userId: string;
  email: string;
  displayName: string;
}

export interface IssuedSession {
  token: string;
  expiresAt: Date;
}

export function toUserDto(user: UserEntity): UserDto {
  return { id: user.id, email: user.email, displayName: user.displayName };
}

export function toActor(user: UserEntity): Actor {
  return { userId: user.id, email: user.email, displayName: user.displayName };
}

/** Organizer accounts and their browser sessions. */
@Injectable()
export class AuthService {
  // Verifying against a real hash when the e-mail is unknown keeps timing from revealing accounts.
  private decoyHash?: Promise<string>;

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly passwords: PasswordHasher,
    private readonly limiter: LoginLimiter,
  ) {}

  async createUser(
    tx: Tx,
    input: { email: string; password: string; displayName: string },
  ): Promise<UserEntity> {
    const passwordHash = await this.passwords.hash(input.password);
    const user = await this.users.insert(tx, {
      email: input.email,
      displayName: input.displayName,
      passwordHash,
    });
    if (!user) {
      throw new AuthException(AuthErrorCode.EmailTaken, 'An account with this e-mail already exists', {
        field: 'email',
      });
    }
    return user;
  }

  async authenticate(email: string, password: string, address: string): Promise<UserEntity> {
    await this.limiter.consume(address, email);
    const user = await this.users.findByEmail(email);
    this.decoyHash ??= this.passwords.hash('decoy password for unknown accounts');
    const valid = await this.passwords.verify(user?.passwordHash ?? (await this.decoyHash), password);
    if (!user || !valid) {
      throw new AuthException(AuthErrorCode.InvalidCredentials, 'E-mail or password is wrong');
    }
    await this.limiter.reset(address, email);
    return user;
  }

  async startSession(tx: Tx, userId: string, userAgent: string | undefined): Promise<IssuedSession> {
    const token = newSecretToken();
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3600_000);
    await this.sessions.create(tx, {
      userId,
      tokenHash: hashToken(token),
      expiresAt,
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
    return { token, expiresAt };
  }

  async actorForSessionToken(token: string): Promise<Actor | null> {
    if (token.length > 200) return null;
    const user = await this.sessions.findUserByTokenHash(hashToken(token), new Date());
    return user ? toActor(user) : null;
  }

  async findUser(userId: string): Promise<UserEntity | null> {
    return this.users.findById(userId);
  }

  async endSession(token: string): Promise<void> {
    await this.sessions.deleteByTokenHash(hashToken(token));
  }

  purgeExpiredSessions(): Promise<number> {
    return this.sessions.deleteExpired(new Date());
  }

  isInstalled(): Promise<boolean> {
    return this.users.isInstalled();
  }

  /** Makes `userId` the install's owner; fails if the install was claimed first. */
  async claimInstallation(tx: Tx, userId: string): Promise<void> {
    if (!(await this.users.claimInstallation(tx, userId))) {
      throw new AuthException(AuthErrorCode.AlreadySetUp, 'Podium is already set up: sign in instead');
    }
  }
}
