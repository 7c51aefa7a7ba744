import { randomBytes } from 'node:crypto';
import { recordTestSecret } from '../test-secrets';

/** One consent: the tokens it produced are revoked together (Google revokes the whole grant). */
interface Grant {
  scope: string;
  refreshToken: string | null;
  revoked: boolean;
}

interface IssuedCode {
  grant: Grant;
  redirectUri: string;
  used: boolean;
}

export type OAuthAnswer =
  | { kind: 'redirect'; location: string }
  | { kind: 'json'; status: number; body: unknown }
  | { kind: 'text'; status: number; body: string };

export interface FakeGoogleOAuthOptions {
  clientId: string;
  clientSecret: string;
  /** `expires_in` of issued access tokens (Google: 3599). */
  accessTokenLifetimeSeconds?: number;
}

/**
 * Google's OAuth 2.0 endpoints for a web server app (developers.google.com/identity/protocols/oauth2/web-server):
 * the consent screen (answers at once: redirect with `code` and `state`, or `error=access_denied`),
 * the token endpoint (authorization_code and refresh_token grants, form-encoded, RFC 6749 errors)
 * and revocation (revoking any token of a grant revokes all of it).
 */
export class FakeGoogleOAuth {
  /** Set to make the next consent screen answer `error=access_denied`. */
  denyNext = false;
  accessTokenLifetimeSeconds: number;
  private readonly codes = new Map<string, IssuedCode>();
  private readonly accessTokens = new Map<string, { grant: Grant; expiresAt: number }>();
  private readonly refreshTokens = new Map<string, Grant>();

  constructor(private readonly options: FakeGoogleOAuthOptions) {
    this.accessTokenLifetimeSeconds = options.accessTokenLifetimeSeconds ?? 3599;
    recordTestSecret('google-client-secret', options.clientSecret);
  }

  /** GET /authorize: what the browser gets after "Allow" (or "Cancel" when `denyNext`). */
  authorize(query: URLSearchParams): OAuthAnswer {
    const redirectUri = query.get('redirect_uri');
    if (query.get('client_id') !== this.options.clientId) {
      return {
        kind: 'text',
        status: 401,
        body: 'Error 401: invalid_client. The OAuth client was not found.',
      };
    }
    if (!redirectUri || query.get('response_type') !== 'code' || !query.get('scope')) {
      return { kind: 'text', status: 400, body: 'Error 400: invalid_request' };
    }
    const target = new URL(redirectUri);
    const state = query.get('state');
    if (state !== null) target.searchParams.set('state', state);
    if (this.denyNext) {
      this.denyNext = false;
      target.searchParams.set('error', 'access_denied');
      return { kind: 'redirect', location: target.toString() };
    }
    const offline = query.get('access_type') === 'offline';
    const grant: Grant = {
      scope: query.get('scope') ?? '',
      refreshToken: offline ? `1//fake-refresh-${randomBytes(12).toString('hex')}` : null,
      revoked: false,
    };
    if (grant.refreshToken) this.refreshTokens.set(grant.refreshToken, grant);
    recordTestSecret('google-refresh-token', grant.refreshToken);
    const code = `4/fake-code-${randomBytes(12).toString('hex')}`;
    this.codes.set(code, { grant, redirectUri, used: false });
    target.searchParams.set('code', code);
    target.searchParams.set('scope', grant.scope);
    return { kind: 'redirect', location: target.toString() };
  }

  /** POST /token. */
  token(form: URLSearchParams): OAuthAnswer {
    if (
      form.get('client_id') !== this.options.clientId ||
      form.get('client_secret') !== this.options.clientSecret
    ) {
      return oauthError(401, 'invalid_client', 'The OAuth client was not found.');
    }
    switch (form.get('grant_type') ?? '') {
      case 'authorization_code': {
        const issued = this.codes.get(form.get('code') ?? '');
        if (!issued || issued.used || issued.grant.revoked)
          return oauthError(400, 'invalid_grant', 'Bad Request');
        if (issued.redirectUri !== form.get('redirect_uri'))
          return oauthError(400, 'redirect_uri_mismatch', 'Bad Request');
        issued.used = true;
        return {
          kind: 'json',
          status: 200,
          body: {
            ...this.issueAccessToken(issued.grant),
            ...(issued.grant.refreshToken ? { refresh_token: issued.grant.refreshToken } : {}),
          },
        };
      }
      case 'refresh_token': {
        const grant = this.refreshTokens.get(form.get('refresh_token') ?? '');
        if (!grant || grant.revoked)
          return oauthError(400, 'invalid_grant', 'Token has been expired or revoked.');
        return { kind: 'json', status: 200, body: this.issueAccessToken(grant) };
      }
      default:
        return oauthError(400, 'unsupported_grant_type', 'Invalid grant_type');
    }
  }

  /** POST /revoke with `token` in the form body or the query. */
  revoke(token: string | null): OAuthAnswer {
    const grant =
      (token && (this.refreshTokens.get(token) ?? this.accessTokens.get(token)?.grant)) || undefined;
    if (!grant || grant.revoked) return oauthError(400, 'invalid_token', 'Token expired or revoked');
    grant.revoked = true;
    return { kind: 'json', status: 200, body: {} };
  }

  /** Whether a Bearer token may call the Data API now. */
  accessTokenValid(token: string | undefined): boolean {
    const issued = token ? this.accessTokens.get(token) : undefined;
    return issued !== undefined && !issued.grant.revoked && issued.expiresAt > Date.now();
  }

  /** Every access token issued so far stops working (as if an hour had passed); refresh tokens still work. */
  expireAccessTokens(): void {
    for (const issued of this.accessTokens.values()) issued.expiresAt = 0;
  }

  /** The user removed the app's access in their Google account: every grant is gone. */
  revokeAll(): void {
    for (const grant of this.refreshTokens.values()) grant.revoked = true;
    for (const issued of this.accessTokens.values()) issued.grant.revoked = true;
  }

  get revokedGrants(): number {
    return [...this.refreshTokens.values()].filter((grant) => grant.revoked).length;
  }

  private issueAccessToken(grant: Grant) {
    const accessToken = `ya29.fake-${randomBytes(16).toString('hex')}`;
    recordTestSecret('google-access-token', accessToken);
    this.accessTokens.set(accessToken, {
      grant,
      expiresAt: Date.now() + this.accessTokenLifetimeSeconds * 1000,
    });
    return {
      access_token: accessToken,
      expires_in: this.accessTokenLifetimeSeconds,
      scope: grant.scope,
      token_type: 'Bearer',
    };
  }
}

function oauthError(status: number, error: string, description: string): OAuthAnswer {
  return { kind: 'json', status, body: { error, error_description: description } };
}
