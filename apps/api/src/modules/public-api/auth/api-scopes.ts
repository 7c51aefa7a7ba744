/** The public API's scopes; the list lives in the contracts so the admin page shows the same ones. */
export { API_SCOPES, type ApiScope, ApiScopeSchema } from '@podium/contracts';
