'use strict';
// Run with `node --test tools/scan-test-logs.test.cjs` (part of `npm test`).
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { test } = require('node:test');
const { clearDirectory, scanDirectory } = require('./scan-test-logs.cjs');

const SCANNER = path.join(__dirname, 'scan-test-logs.cjs');
const PASSWORD = 'correct horse battery staple';
const OVERLAY_TOKEN = 'Zx8kP2vQ9rT4mW7yB1nC5dF3gH6jK0lS';

/** A log folder as a test run leaves it: request logs from pino and the secrets the tests listed. */
function fixture(logLines) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-test-logs-'));
  const secrets = [
    { kind: 'password', value: PASSWORD },
    { kind: 'token', value: OVERLAY_TOKEN },
    { kind: 'short', value: 'abc' },
  ];
  fs.writeFileSync(
    path.join(dir, 'secrets.list'),
    `${secrets.map((secret) => JSON.stringify(secret)).join('\n')}\n{"kind":"torn","val`,
  );
  const clean = [
    '{"level":30,"msg":"request completed","req":{"method":"GET","url":"/api/overlays/[redacted]","headers":{"cookie":"[Redacted]"}}}',
    '{"level":30,"msg":"request completed","req":{"headers":{"authorization":"[Redacted]"}},"res":{"statusCode":200}}',
    '{"level":30,"context":"RoutesResolver","msg":"AuthController {/api/auth}: abc"}',
  ];
  fs.writeFileSync(path.join(dir, 'api-clean-1.log'), `${clean.join('\n')}\n`);
  fs.writeFileSync(path.join(dir, 'api-planted-2.log'), `${[...clean, ...logLines].join('\n')}\n`);
  return dir;
}

function run(dir) {
  return spawnSync(process.execPath, [SCANNER, dir], { encoding: 'utf8' });
}

test('a clean folder passes and says how much it read', () => {
  const dir = fixture([]);
  const result = run(dir);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /no secret in .* \(2 log files, 6 lines, 2 listed secrets/);
});

test('a listed secret fails the scan with file, line and kind, and is never printed whole', () => {
  const dir = fixture([`{"level":50,"msg":"overlay ${OVERLAY_TOKEN} not found"}`]);
  const result = run(dir);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /api-planted-2\.log:4: token Zx8k… \(32 characters\)/);
  assert.doesNotMatch(result.stdout + result.stderr, new RegExp(OVERLAY_TOKEN.slice(4)));
});

test('URL-encoded and JSON-escaped forms of a listed secret are found', () => {
  const dir = fixture([
    `{"msg":"GET /api/login?p=${encodeURIComponent(PASSWORD)}"}`,
    `{"msg":"body was {\\"note\\":${JSON.stringify(JSON.stringify(PASSWORD)).slice(1, -1)}}"}`,
  ]);
  const { findings } = scanDirectory(dir);
  assert.deepEqual(
    findings.map(({ line, kind }) => `${line} ${kind}`),
    ['4 password', '5 password'],
  );
});

test('credentials are found by their shape even when no test listed them', () => {
  const dir = fixture([
    `{"msg":"whoami","token":"pod_${'A'.repeat(43)}"}`,
    '{"req":{"headers":{"cookie":"podium_session=s3ss10nV4lu3xyz"}}}',
    '{"req":{"headers":{"authorization":"Bearer abcdefgh12345678"}}}',
    '{"msg":"bad body","body":{"email":"a@b.c","password":"hunter22"}}',
    '{"msg":"refresh","payload":{"refresh_token":"r3fr3sh-t0k3n"}}',
    '{"req":{"url":"/api/integrations/twitch/oauth/callback?code=0123456789abcdef&state=x"}}',
  ]);
  const { findings } = scanDirectory(dir);
  assert.deepEqual(
    findings.map(({ line, kind }) => `${line} ${kind}`),
    [
      '4 api-token',
      '5 session-cookie',
      '6 authorization-header',
      '7 password-field',
      '8 oauth-token-field',
      '9 oauth-query',
    ],
  );
});

test('an empty folder fails: logs that were never written must not pass as clean', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-test-logs-'));
  const result = run(dir);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /no \*\.log in/);
});

test('--clear removes the logs and the list, and nothing else', () => {
  const dir = fixture([]);
  fs.writeFileSync(path.join(dir, 'keep.txt'), 'mine');
  clearDirectory(dir);
  assert.deepEqual(fs.readdirSync(dir), ['keep.txt']);
});
