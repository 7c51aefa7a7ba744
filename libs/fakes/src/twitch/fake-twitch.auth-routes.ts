import type { ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { type FakeRequest, sendAuthError, sendJson } from './fake-http';
import type { FakeToken, FakeTwitchState } from './fake-twitch.state';

/**
 * id.twitch.tv/oauth2 as twurple calls it at http://localhost:P/auth/<path>
 * (dev.twitch.tv/docs/authentication/getting-tokens-oauth, .../validate-tokens, .../revoke-tokens).
 * twurple sends token and revoke parameters in the query string; forms are read too.
 */
export function handleAuth(state: FakeTwitchState, request: FakeRequest, response: ServerResponse): void {
  const route = `${request.method} ${request.path}`;
  switch (route) {
    case 'GET /auth/authorize':
      return authorize(state, request, response);
    case 'POST /auth/token':
      return token(state, request, response);
    case 'GET /auth/validate':
      return validate(state, request, response);
    case 'POST /auth/revoke':
      return revoke(state, request, response);
    default:
      return sendAuthError(response, 404, `no route ${route}`);
  }
}

/** The browser's visit: the signed-in user approves at once and goes back to `redirect_uri`. */
function authorize(state: FakeTwitchState, request: FakeRequest, response: ServerResponse): void {
  const { client_id, redirect_uri, response_type, scope, state: oauthState } = request.params;
  if (client_id !== state.clientId) return sendAuthError(response, 400, 'invalid client');
  if (!redirect_uri || response_type !== 'code') return sendAuthError(response, 400, 'invalid request');
  const back = new URL(redirect_uri);
  if (oauthState !== undefined) back.searchParams.set('state', oauthState);
  if (state.denyNext !== undefined) {
    back.searchParams.set('error', 'access_denied');
    back.searchParams.set('error_description', state.denyNext);
    state.denyNext = undefined;
  } else {
    const userId = state.signedInUserId ?? [...state.users.keys()][0];
    if (!userId) return sendAuthError(response, 400, 'no user to sign in as');
    const withheld = new Set(state.withheldScopes);
    state.withheldScopes = [];
    const scopes = (scope ?? '').split(' ').filter((s) => s !== '' && !withheld.has(s));
    const code = randomBytes(15).toString('hex');
    state.codes.set(code, { userId, scopes, redirectUri: redirect_uri, clientId: client_id });
    back.searchParams.set('code', code);
    back.searchParams.set('scope', scopes.join(' '));
  }
  response.writeHead(302, { Location: back.toString() });
  response.end();
}

function token(state: FakeTwitchState, request: FakeRequest, response: ServerResponse): void {
  const { grant_type, client_id, client_secret } = request.params;
  if (client_id !== state.clientId || client_secret !== state.clientSecret) {
    return sendAuthError(response, 403, 'invalid client secret');
  }
  switch (grant_type) {
    case 'authorization_code': {
      const given = request.params['code'] ?? '';
      const code = state.codes.get(given);
      if (!code || code.redirectUri !== request.params['redirect_uri']) {
        return sendAuthError(response, 400, 'Invalid authorization code');
      }
      state.codes.delete(given);
      return sendJson(
        response,
        200,
        userTokenBody(state, state.issueUserToken(code.userId, code.scopes, client_id)),
      );
    }
    case 'refresh_token': {
      const old = [...state.tokens.values()].find((t) => t.refreshToken === request.params['refresh_token']);
      if (!old || old.revoked || !old.userId) return sendAuthError(response, 400, 'Invalid refresh token');
      old.revoked = true;
      return sendJson(
        response,
        200,
        userTokenBody(state, state.issueUserToken(old.userId, old.scopes, client_id)),
      );
    }
    case 'client_credentials': {
      const app = state.issueAppToken(client_id);
      return sendJson(response, 200, {
        access_token: app.accessToken,
        expires_in: 5_184_000,
        token_type: 'bearer',
      });
    }
    default:
      return sendAuthError(response, 400, 'unsupported grant type');
  }
}

function userTokenBody(state: FakeTwitchState, issued: FakeToken) {
  return {
    access_token: issued.accessToken,
    expires_in: state.accessTokenTtlSeconds,
    refresh_token: issued.refreshToken,
    scope: issued.scopes,
    token_type: 'bearer',
  };
}

function validate(state: FakeTwitchState, request: FakeRequest, response: ServerResponse): void {
  const found = state.tokenFrom(request.headers.authorization);
  if (!found) return sendAuthError(response, 401, 'invalid access token');
  const expiresIn = Math.max(0, Math.floor((found.expiresAt - Date.now()) / 1000));
  if (!found.userId)
    return sendJson(response, 200, { client_id: found.clientId, scopes: [], expires_in: expiresIn });
  sendJson(response, 200, {
    client_id: found.clientId,
    login: state.users.get(found.userId)?.login ?? found.userId,
    scopes: found.scopes,
    user_id: found.userId,
    expires_in: expiresIn,
  });
}

function revoke(state: FakeTwitchState, request: FakeRequest, response: ServerResponse): void {
  const found = state.tokens.get(request.params['token'] ?? '');
  if (request.params['client_id'] !== state.clientId)
    return sendAuthError(response, 404, 'client does not exist');
  if (!found || found.revoked) return sendAuthError(response, 400, 'Invalid token');
  found.revoked = true;
  state.revokedTokens.push(found.accessToken);
  response.writeHead(200);
  response.end();
}
