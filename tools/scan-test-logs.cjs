#!/usr/bin/env node
'use strict';
/**
 * The last step of `npm test`: every api process the tests started wrote its logs into
 * PODIUM_TEST_LOG_DIR, and every secret the tests and fakes made was listed in its `secrets.list`.
 * This fails, naming the file, line and kind, when a log holds one of them (as is, URL-encoded or
 * JSON-escaped) or anything shaped like a credential. It never prints a secret, only a masked prefix.
 *
 *   node tools/scan-test-logs.cjs [dir]           scan (default: $PODIUM_TEST_LOG_DIR or tmp/test-logs)
 *   node tools/scan-test-logs.cjs --clear [dir]   empty the folder before a run
 */
const fs = require('node:fs');
const path = require('node:path');

const DEFAULT_DIR = 'tmp/test-logs';
const SECRETS_FILE = 'secrets.list';
/** Shorter values would match by chance (ids, words); the test support does not list them either. */
const MIN_SECRET_LENGTH = 8;
const MAX_FINDINGS_SHOWN = 50;

/** Credentials recognisable by their shape, listed or not; group 1 is the secret part. */
const SHAPES = [
  { kind: 'api-token', pattern: /\b(pod_[A-Za-z0-9_-]{20,})/g },
  { kind: 'webhook-signing-secret', pattern: /\b(whsec_[A-Za-z0-9_-]{20,})/g },
  { kind: 'session-cookie', pattern: /podium_session=([^;,"\s\\[][^;,"\s\\]{7,})/g },
  { kind: 'authorization-header', pattern: /\b(?:Bearer|OAuth|Basic) +([A-Za-z0-9._~+/=-]{8,})/g },
  {
    kind: 'password-field',
    pattern: /\\?"(?:password|passphrase|currentPassword|newPassword)\\?" *: *\\?"([^"\\[][^"\\]*)/gi,
  },
  {
    kind: 'oauth-token-field',
    pattern:
      /\\?"(?:access_token|refresh_token|accessToken|refreshToken|client_secret|clientSecret)\\?" *: *\\?"([^"\\[][^"\\]{7,})/g,
  },
  {
    kind: 'oauth-query',
    pattern: /[?&](?:access_token|refresh_token|client_secret|code)=([^&\s"[][^&\s"]{7,})/g,
  },
];

function mask(secret) {
  return `${secret.slice(0, Math.min(4, Math.floor(secret.length / 4)))}… (${secret.length} characters)`;
}

/** `{ kind, value }` per line of `secrets.list`; lines cut short by a crash are skipped. */
function readSecrets(dir) {
  const file = path.join(dir, SECRETS_FILE);
  if (!fs.existsSync(file)) return [];
  const secrets = new Map();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    try {
      const { kind, value } = JSON.parse(line);
      if (typeof value === 'string' && value.length >= MIN_SECRET_LENGTH && !secrets.has(value))
        secrets.set(value, String(kind));
    } catch {
      // An empty or torn line.
    }
  }
  return [...secrets].map(([value, kind]) => ({ kind, value }));
}

/** The forms a secret takes in a log line: as is, in an address, inside a JSON string. */
function formsOf(value) {
  return [...new Set([value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)])];
}

/** Aho-Corasick over every form of every secret: one pass per line however many secrets there are. */
function buildMatcher(secrets) {
  const nodes = [{ next: new Map(), fail: 0, out: [] }];
  for (const secret of secrets) {
    for (const form of formsOf(secret.value)) {
      let node = 0;
      for (let i = 0; i < form.length; i += 1) {
        const code = form.charCodeAt(i);
        let child = nodes[node].next.get(code);
        if (child === undefined) {
          child = nodes.push({ next: new Map(), fail: 0, out: [] }) - 1;
          nodes[node].next.set(code, child);
        }
        node = child;
      }
      nodes[node].out.push(secret);
    }
  }
  const queue = [...nodes[0].next.values()];
  for (let head = 0; head < queue.length; head += 1) {
    const parent = queue[head];
    for (const [code, child] of nodes[parent].next) {
      queue.push(child);
      let fail = nodes[parent].fail;
      while (fail !== 0 && !nodes[fail].next.has(code)) fail = nodes[fail].fail;
      const target = nodes[fail].next.get(code);
      nodes[child].fail = target !== undefined && target !== child ? target : 0;
      nodes[child].out = nodes[child].out.concat(nodes[nodes[child].fail].out);
    }
  }
  return (line) => {
    const found = new Set();
    let node = 0;
    for (let i = 0; i < line.length; i += 1) {
      const code = line.charCodeAt(i);
      while (node !== 0 && !nodes[node].next.has(code)) node = nodes[node].fail;
      node = nodes[node].next.get(code) ?? 0;
      for (const secret of nodes[node].out) found.add(secret);
    }
    return [...found];
  };
}

function findingsInLine(line, match) {
  const findings = match(line).map((secret) => ({ kind: secret.kind, masked: mask(secret.value) }));
  for (const { kind, pattern } of SHAPES) {
    for (const hit of line.matchAll(pattern)) findings.push({ kind, masked: mask(hit[1]) });
  }
  return findings;
}

/** Scans every `*.log` under `dir`: `{ files, lines, secrets, findings: [{ file, line, kind, masked }] }`. */
function scanDirectory(dir) {
  const secrets = readSecrets(dir);
  const match = buildMatcher(secrets);
  const logs = fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true })
        .map(String)
        .filter((name) => name.endsWith('.log'))
        .sort()
    : [];
  const findings = [];
  let lines = 0;
  for (const name of logs) {
    const file = path.join(dir, name);
    fs.readFileSync(file, 'utf8')
      .replace(/\n$/, '')
      .split('\n')
      .forEach((text, index) => {
        lines += 1;
        for (const finding of findingsInLine(text, match))
          findings.push({ file, line: index + 1, ...finding });
      });
  }
  return { files: logs.length, lines, secrets: secrets.length, findings };
}

/** Empties the folder of what a run writes (logs and the secrets list), creating it if needed. */
function clearDirectory(dir) {
  fs.mkdirSync(dir, { recursive: true });
  for (const name of fs.readdirSync(dir, { recursive: true }).map(String)) {
    if (name.endsWith('.log') || path.basename(name) === SECRETS_FILE) fs.rmSync(path.join(dir, name));
  }
}

function main(args) {
  const clear = args.includes('--clear');
  const dir = args.find((arg) => !arg.startsWith('--')) ?? (process.env.PODIUM_TEST_LOG_DIR || DEFAULT_DIR);
  if (clear) {
    clearDirectory(dir);
    return 0;
  }
  const { files, lines, secrets, findings } = scanDirectory(dir);
  if (files === 0) {
    process.stderr.write(
      `scan-test-logs: no *.log in ${dir}: were the tests run with PODIUM_TEST_LOG_DIR set?\n`,
    );
    return 1;
  }
  const summary = `${files} log files, ${lines} lines, ${secrets} listed secrets and ${SHAPES.length} shapes`;
  if (findings.length === 0) {
    process.stdout.write(`scan-test-logs: no secret in ${dir} (${summary})\n`);
    return 0;
  }
  for (const { file, line, kind, masked } of findings.slice(0, MAX_FINDINGS_SHOWN))
    process.stderr.write(`${file}:${line}: ${kind} ${masked}\n`);
  if (findings.length > MAX_FINDINGS_SHOWN)
    process.stderr.write(`… and ${findings.length - MAX_FINDINGS_SHOWN} more\n`);
  process.stderr.write(`scan-test-logs: ${findings.length} secrets found in the test logs (${summary})\n`);
  return 1;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = { clearDirectory, main, mask, readSecrets, scanDirectory, SHAPES };
