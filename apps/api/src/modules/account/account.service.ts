import { Injectable } from '@nestjs/common';
import type { MeDto } from '@podium/contracts';
import { TransactionRunner } from '../../database/transaction';
import { type Actor, AuthService, type IssuedSession, toUserDto } from '../auth/auth.service';
import { AuthErrorCode, AuthException } from '../auth/auth.exception';
import type { UserEntity } from '../auth/user.entity';
import { InvitesService } from '../workspaces/invites.service';
import { WorkspacesService } from '../workspaces/workspaces.service';

export interface SignedIn {
  me: MeDto;
  session?: IssuedSession;
}

/** Flows that span identity and membership: first-run setup, sign-in, and joining by invite. */
@Injectable()
export class AccountService {
  constructor(
    private readonly auth: AuthService,
    private readonly workspaces: WorkspacesService,
    private readonly invites: InvitesService,
    private readonly transactions: TransactionRunner,
  ) {}

  async needsSetup(): Promise<boolean> {
    return !(await this.auth.isInstalled());
  }

  /** Creates the owner and their first workspace, once per install; signs the owner in. */
  async setUp(
    input: { email: string; password: string; displayName: string; workspaceName: string },
    userAgent?: string,
  ): Promise<SignedIn> {
    if (await this.auth.isInstalled()) {
      throw new AuthException(AuthErrorCode.AlreadySetUp, 'Podium is already set up: sign in instead');
    }
    const { user, session } = await this.transactions.run(async (tx) => {
      const user = await this.auth.createUser(tx, input);
      await this.auth.claimInstallation(tx, user.id);
      await this.workspaces.createInTx(tx, user.id, input.workspaceName);
      return { user, session: await this.auth.startSession(tx, user.id, userAgent) };
    });
    return { me: await this.meOf(user), session };
  }

  async signIn(email: string, password: string, address: string, userAgent?: string): Promise<SignedIn> {
    const user = await this.auth.authenticate(email, password, address);
    const session = await this.transactions.run((tx) => this.auth.startSession(tx, user.id, userAgent));
    return { me: await this.meOf(user), session };
  }

  signOut(token: string): Promise<void> {
    return this.auth.endSession(token);
  }

  async me(actor: Actor): Promise<MeDto> {
    const user = await this.auth.findUser(actor.userId);
    if (!user) throw new AuthException(AuthErrorCode.Unauthenticated, 'Sign in first');
    return this.meOf(user);
  }

  /** A signed-in organizer joins directly; anyone else creates their account with the invite. */
  async acceptInvite(
    token: string,
    actor: Actor | undefined,
    account: { email: string; password: string; displayName: string } | undefined,
    userAgent?: string,
  ): Promise<SignedIn> {
    const result = await this.transactions.run(async (tx) => {
      if (actor) {
        return {
          userId: actor.userId,
          joined: await this.invites.accept(tx, token, actor.userId),
          session: undefined,
        };
      }
      if (!account) {
        throw new AuthException(AuthErrorCode.Unauthenticated, 'Sign in, or give e-mail, password and name');
      }
      const user = await this.auth.createUser(tx, account);
      const joined = await this.invites.accept(tx, token, user.id);
      return { userId: user.id, joined, session: await this.auth.startSession(tx, user.id, userAgent) };
    });
    this.invites.announceJoin(result.joined.workspaceId, result.userId, result.joined.role);
    const user = await this.auth.findUser(result.userId);
    if (!user) throw new AuthException(AuthErrorCode.Unauthenticated, 'Sign in first');
    return { me: await this.meOf(user), session: result.session };
  }

  private async meOf(user: UserEntity): Promise<MeDto> {
    return { user: toUserDto(user), memberships: await this.workspaces.membershipsOf(user.id) };
  }
}
