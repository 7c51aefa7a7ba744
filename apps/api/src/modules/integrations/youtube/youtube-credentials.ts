import { z } from 'zod';

/** What a YouTube connection keeps sealed in its `credentials` column. */
export const YoutubeCredentialsSchema = z.object({
  accessToken: z.string().min(1),
  /** Null only if Google gave none (a grant without access_type=offline): the connection then lasts an hour. */
  refreshToken: z.string().min(1).nullable(),
  expiresAt: z.iso.datetime(),
  scope: z.string(),
});
export type YoutubeCredentials = z.infer<typeof YoutubeCredentialsSchema>;
