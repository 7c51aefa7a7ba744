import { Injectable } from '@nestjs/common';
import {
  PANEL_LINK_TTL_MINUTES,
  PANEL_SESSION_TTL_DAYS,
  type PanelSessionDto,
  type Platform,
} from '@podium/contracts';
import { hashToken, newSecretToken } from '../../common/tokens';
import { AppConfig } from '../../config/app-config';
import { AppSecrets } from '../../config/secrets';
import { TransactionRunner } from '../../database/transaction';
import { PanelAuthRepository } from './panel-auth.repository';
import { PanelErrorCode, PanelException } from './panel.exception';
import { signPanelLink, verifyPanelLink } from './panel-link-token';

/** The viewer a panel request acts for (the session's viewer; merges are followed by the service). */
export interface PanelViewer {
  sessionId: string;
  workspaceId: string;
  viewerId: string;
  platform: Platform;
  displayName: string;
  expiresAt: Date;
}

export interface IssuedPanelSession {
  token: string;
  session: PanelSessionDto;
}

/**
 * Viewer-panel sign-in: `!panel` issues a signed, single-use link for 10 minutes (only its digest
 * is stored); opening it trades it for a 30-day session, stored as a digest too and revocable.
 * Separate from organizer sessions: another cookie, another table, another guard.
 */
@Injectable()
export class PanelAuthService {
  constructor(
    private readonly config: AppConfig,
    private readonly secrets: AppSecrets,
    private readonly repository: PanelAuthRepository,
    private readonly tx: TransactionRunner,
  ) {}

  /** Whether links can be made at all: viewers need an address they can open. */
  get linksAvailable(): boolean {
    return this.config.publicUrl !== undefined;
  }

  /** True when the cookie must be `Secure` (and so may be `SameSite=None` for the iframe). */
  get secureCookies(): boolean {
    return this.config.publicUrl?.startsWith('https://') ?? false;
  }

  /** A new personal link for a viewer; earlier links stay valid until used or expired. */
  async issueLink(viewer: {
    workspaceId: string;
    viewerId: string;
    platform: Platform;
    displayName: string;
  }): Promise<string> {
    if (!this.config.publicUrl) {
      throw new PanelException(PanelErrorCode.NoPublicUrl, 'The viewer panel needs PUBLIC_URL');
    }
    const expiresAt = new Date(Date.now() + PANEL_LINK_TTL_MINUTES * 60_000);
    const token = signPanelLink(this.secrets.sessionSecret, {
      workspaceId: viewer.workspaceId,
      viewerId: viewer.viewerId,
      expiresAt: Math.ceil(expiresAt.getTime() / 1000),
    });
    await this.repository.insertLink(this.tx.none, {
      ...viewer,
      displayName: viewer.displayName.slice(0, 200),
      tokenHash: hashToken(token),
      expiresAt,
    });
    return `${this.config.publicUrl}/p/${token}`;
  }

  /** Trades a link's token for a session: once per link, within its 10 minutes. */
  async signIn(token: string, userAgent: string | undefined): Promise<IssuedPanelSession> {
    const now = new Date();
    const claims = verifyPanelLink(this.secrets.sessionSecret, token);
    if (!claims) {
      throw new PanelException(
        PanelErrorCode.LinkInvalid,
        'This link is not valid: type !panel in chat for a new one',
      );
    }
    if (claims.expiresAt * 1000 <= now.getTime()) {
      throw new PanelException(
        PanelErrorCode.LinkExpired,
        'This link has expired: type !panel in chat for a new one',
      );
    }
    const tokenHash = hashToken(token);
    const sessionToken = newSecretToken();
    const expiresAt = new Date(now.getTime() + PANEL_SESSION_TTL_DAYS * 86_400_000);
    const link = await this.tx.run(async (tx) => {
      const claimed = await this.repository.claimLink(tx, tokenHash, now);
      if (!claimed) return this.whyNot(await this.repository.findLink(tx, tokenHash));
      await this.repository.insertSession(tx, {
        workspaceId: claimed.workspace_id,
        viewerId: claimed.viewer_id,
        linkId: claimed.id,
        tokenHash: hashToken(sessionToken),
        platform: claimed.platform,
        displayName: claimed.display_name,
        userAgent: userAgent?.slice(0, 300) ?? null,
        expiresAt,
      });
      return claimed;
    });
    return {
      token: sessionToken,
      session: {
        workspaceId: link.workspace_id,
        viewer: { id: link.viewer_id, displayName: link.display_name, platform: link.platform },
        expiresAt: expiresAt.toISOString(),
      },
    };
  }

  /** The viewer behind a session cookie, or null. */
  async authenticate(sessionToken: string): Promise<PanelViewer | null> {
    const row = await this.repository.findSession(this.tx.none, hashToken(sessionToken), new Date());
    if (!row) return null;
    return {
      sessionId: row.id,
      workspaceId: row.workspace_id,
      viewerId: row.viewer_id,
      platform: row.platform,
      displayName: row.display_name,
      expiresAt: new Date(row.expires_at),
    };
  }

  async signOut(viewer: PanelViewer, everywhere: boolean): Promise<void> {
    if (everywhere) {
      await this.repository.revokeViewerSessions(this.tx.none, viewer.workspaceId, viewer.viewerId);
    } else {
      await this.repository.revokeSession(this.tx.none, viewer.sessionId);
    }
  }

  purgeExpired(): Promise<void> {
    return this.repository.purgeExpired(this.tx.none, new Date());
  }

  private whyNot(link: { used_at: Date | null } | null): never {
    if (!link) {
      throw new PanelException(
        PanelErrorCode.LinkInvalid,
        'This link is not valid: type !panel in chat for a new one',
      );
    }
    if (link.used_at) {
      throw new PanelException(
        PanelErrorCode.LinkUsed,
        'This link was already used: type !panel in chat for a new one',
      );
    }
    throw new PanelException(
      PanelErrorCode.LinkExpired,
      'This link has expired: type !panel in chat for a new one',
    );
  }
}
