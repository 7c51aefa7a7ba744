import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { AppConfig } from './app-config';

const SecretsFileSchema = z.object({
  sessionSecret: z.string().min(32),
  encryptionKey: z.string().regex(/^[0-9a-f]{64}$/i),
});

/** Keys an install needs. Generated on first start and kept in DATA_DIR unless set in the environment. */
export class AppSecrets {
  constructor(
    /** Signs short-lived tokens (attendee tokens, webhook state). */
    readonly sessionSecret: string,
    /** AES-256 key for platform tokens stored in the database. */
    readonly encryptionKey: Buffer,
  ) {}
}

function generated(): z.infer<typeof SecretsFileSchema> {
  return {
    sessionSecret: randomBytes(32).toString('base64url'),
    encryptionKey: randomBytes(32).toString('hex'),
  };
}

/** Reads DATA_DIR/secrets.json, creating it atomically (two processes starting at once agree). */
function readOrCreate(dataDir: string): z.infer<typeof SecretsFileSchema> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'secrets.json');
  try {
    writeFileSync(file, JSON.stringify(generated(), null, 2), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const parsed = SecretsFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is damaged: remove it to generate new secrets`);
  return parsed.data;
}

export function loadSecrets(config: AppConfig): AppSecrets {
  const { sessionSecretOverride, encryptionKeyOverride } = config;
  if (sessionSecretOverride && encryptionKeyOverride) {
    return new AppSecrets(sessionSecretOverride, Buffer.from(encryptionKeyOverride, 'hex'));
  }
  const stored = readOrCreate(config.dataDir);
  return new AppSecrets(
    sessionSecretOverride ?? stored.sessionSecret,
    Buffer.from(encryptionKeyOverride ?? stored.encryptionKey, 'hex'),
  );
}
