import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './app-config';
import { loadSecrets } from './secrets';

describe('loadSecrets', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'podium-secrets-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('generates secrets on first start and keeps them, readable by the owner only', () => {
    const first = loadSecrets(loadConfig({ DATA_DIR: dir }));
    const second = loadSecrets(loadConfig({ DATA_DIR: dir }));
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.encryptionKey).toHaveLength(32);
    expect(second.sessionSecret).toBe(first.sessionSecret);
    expect(second.encryptionKey.equals(first.encryptionKey)).toBe(true);
    expect(statSync(join(dir, 'secrets.json')).mode & 0o077).toBe(0);
  });

  it('prefers the environment, so replicas can share keys', () => {
    const key = 'ab'.repeat(32);
    const secrets = loadSecrets(
      loadConfig({ DATA_DIR: dir, SESSION_SECRET: 's'.repeat(40), ENCRYPTION_KEY: key }),
    );
    expect(secrets.encryptionKey.toString('hex')).toBe(key);
    expect(() => readFileSync(join(dir, 'secrets.json'))).toThrow();
  });

  it('refuses a damaged secrets file instead of silently replacing keys', () => {
    writeFileSync(join(dir, 'secrets.json'), '{"sessionSecret":"short"}');
    expect(() => loadSecrets(loadConfig({ DATA_DIR: dir }))).toThrow(/damaged/);
  });
});
