/** The single error body every HTTP error and socket ack error uses. */
export interface ApiErrorDto {
  statusCode: number;
  /** Stable machine-readable code, e.g. `auth.invalid_credentials`, `validation.failed`. */
  code: string;
  message: string;
  /** The first field at fault, as a dotted path, when the input was invalid. */
  field?: string;
  issues?: { field: string; message: string }[];
  /** When the caller may try again (rate limits, a chat silence): HTTP's Retry-After, also in socket acks. */
  retryAfterSeconds?: number;
}
