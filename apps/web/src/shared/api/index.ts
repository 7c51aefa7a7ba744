export { ApiError, CLIENT_ERROR_CODES, isApiError, parseRetryAfter } from './api-error';
export { apiRequest, http, segment } from './http-client';
export { findMembership, getMe, meQueryOptions, useMe } from './me.api';
export { createQueryClient, queryClient, shouldRetry } from './query-client';
export { queryKeys } from './query-keys';
