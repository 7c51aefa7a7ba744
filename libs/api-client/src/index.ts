export * from './podium-api-error';
export * from './podium-client';
export {
  IDEMPOTENCY_KEY_MAX_LENGTH,
  Transport,
  v1Path,
  type ApiResponse,
  type HttpMethod,
  type PodiumClientOptions,
  type QueryValue,
  type RateLimitInfo,
  type RequestInit,
  type RequestOptions,
} from './transport';
