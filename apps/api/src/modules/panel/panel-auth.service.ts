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
 * Every panel request looks its cookie up: a session is remembered this long. Signing out on this
 * replica applies at once; on another replica (or a revoked workspace) within this long.
 */
const SESSION_CACHE_MS = 5_000;
/** Beyond this many remembered sessions the expired ones are dropped (all, if none expired). */
const SESSION_CACHE_MAX = 20_000;

/**
 * Viewer-panel sign-in: `!panel` issues a signed, single-use link for 10 minutes (only its digest
 * is stored); opening it trades it for a 30-day session, stored as a digest too and revocable.
 * Separate from organizer sessions: another cookie, another table, another guard.
 */
@Injectable()
export class PanelAuthService {
  private readonly sessions = new Map<string, { until: number; viewer: PanelViewer }>();

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
    const now = Date.now();
    const tokenHash = hashToken(sessionToken);
    const remembered = this.sessions.get(tokenHash);
    if (remembered && remembered.until > now && remembered.viewer.expiresAt.getTime() > now) {
      return remembered.viewer;
    }
    const row = await this.repository.findSession(this.tx.none, tokenHash, new Date(now));
    if (!row) {
      this.sessions.delete(tokenHash);
      return null;
    }
    const viewer: PanelViewer = {
      sessionId: row.id,
      workspaceId: row.workspace_id,
      viewerId: row.viewer_id,
      platform: row.platform,
      displayName: row.display_name,
      expiresAt: new Date(row.expires_at),
    };
    this.remember(tokenHash, viewer, now);
    return viewer;
  }

  async signOut(viewer: PanelViewer, everywhere: boolean): Promise<void> {
    if (everywhere) {
      await this.repository.revokeViewerSessions(this.tx.none, viewer.workspaceId, viewer.viewerId);
    } else {
      await this.repository.revokeSession(this.tx.none, viewer.sessionId);
    }
    for (const [tokenHash, { viewer: cached }] of this.sessions) {
      const ended = everywhere
        ? cached.workspaceId === viewer.workspaceId && cached.viewerId === viewer.viewerId
        : cached.sessionId === viewer.sessionId;
      if (ended) this.sessions.delete(tokenHash);
    }
  }

  purgeExpired(): Promise<void> {
    return this.repository.purgeExpired(this.tx.none, new Date());
  }

  private remember(tokenHash: string, viewer: PanelViewer, now: number): void {
    if (this.sessions.size >= SESSION_CACHE_MAX) {
      for (const [key, entry] of this.sessions) if (entry.until <= now) this.sessions.delete(key);
      if (this.sessions.size >= SESSION_CACHE_MAX) this.sessions.clear();
    }
    this.sessions.set(tokenHash, { until: now + SESSION_CACHE_MS, viewer });
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
