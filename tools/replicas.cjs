#!/usr/bin/env node
// `npm run replicas`: several api processes on consecutive ports against ONE PostgreSQL and ONE
// Redis, the way docker/compose.yaml runs them behind nginx. Each replica serves the web and overlay
// apps too; there is no balancer here, so open any of the printed addresses.
//   DATABASE_URL=postgres://… REDIS_URL=redis://… npm run replicas
// Settings (environment): DATABASE_URL and REDIS_URL (required), REPLICAS (3), REPLICAS_BASE_PORT
// (3401), DATA_DIR (./data/replicas, shared by all of them), SESSION_SECRET and ENCRYPTION_KEY
// (generated once into DATA_DIR/secrets.json when unset). Everything else is passed through
// (PUBLIC_URL, LOG_LEVEL, TWITCH_*, …). It builds nothing: run `npm run build` first.
const { randomBytes } = require('node:crypto');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const main = path.join(root, 'dist/apps/api/main.js');

function fail(message) {
  process.stderr.write(`replicas: ${message}\n`);
  process.exit(1);
}

function positiveInt(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) fail(`${name} must be a positive whole number (got "${raw}")`);
  return value;
}

/** The keys every replica must share: from the environment, else the data dir's secrets.json (created once). */
function sharedSecrets(dataDir) {
  const { SESSION_SECRET, ENCRYPTION_KEY } = process.env;
  if (SESSION_SECRET && ENCRYPTION_KEY) return { SESSION_SECRET, ENCRYPTION_KEY };
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'secrets.json');
  // Same file and format the api itself reads; `wx` never overwrites an existing install's keys.
  const fresh = {
    sessionSecret: randomBytes(32).toString('base64url'),
    encryptionKey: randomBytes(32).toString('hex'),
  };
  try {
    fs.writeFileSync(file, JSON.stringify(fresh, null, 2), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
  }
  const stored = JSON.parse(fs.readFileSync(file, 'utf8'));
  return {
    SESSION_SECRET: SESSION_SECRET || stored.sessionSecret,
    ENCRYPTION_KEY: ENCRYPTION_KEY || stored.encryptionKey,
  };
}

function start() {
  if (!fs.existsSync(main)) fail('dist/apps/api/main.js is missing: run `npm run build` first');
  const { DATABASE_URL, REDIS_URL } = process.env;
  // The embedded database and the in-process scheduler belong to one process: replicas need both servers.
  if (!DATABASE_URL) fail('DATABASE_URL is required (postgres://…): replicas share one PostgreSQL');
  if (!REDIS_URL)
    fail('REDIS_URL is required (redis://…): replicas share jobs and live pushes through Redis');
  const count = positiveInt('REPLICAS', 3);
  const basePort = positiveInt('REPLICAS_BASE_PORT', 3401);
  const dataDir = path.resolve(process.env.DATA_DIR || path.join(root, 'data/replicas'));
  const env = { ...process.env, DATA_DIR: dataDir, ...sharedSecrets(dataDir) };

  const children = [];
  let stopping = false;
  let exitCode = 0;
  for (let i = 0; i < count; i += 1) {
    const name = String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26)) : '');
    const port = basePort + i;
    // A larger young generation for a busy replica (as docker/compose.yaml): fewer, cheaper
    // scavenges under a vote burst (bench/results/live-room.md).
    const child = spawn(process.execPath, ['--max-semi-space-size=64', main], {
      cwd: root,
      env: { ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Own process group: Ctrl-C reaches only this script, which forwards it once (a second
      // SIGINT would make a replica quit without draining).
      detached: true,
    });
    // Each line is prefixed with its replica, so the interleaved logs stay readable.
    for (const [stream, out] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ]) {
      let rest = '';
      stream.on('data', (chunk) => {
        const lines = (rest + chunk.toString()).split('\n');
        rest = lines.pop();
        for (const line of lines) out.write(`[${name}] ${line}\n`);
      });
      stream.on('end', () => rest && out.write(`[${name}] ${rest}\n`));
    }
    child.on('exit', (code, signal) => {
      process.stdout.write(`replicas: ${name} (port ${port}) exited with ${signal ?? code}\n`);
      if (!stopping && code !== 0) {
        // One replica failing at start (bad settings, port taken) stops the rest: say it loudly.
        exitCode = code ?? 1;
        stopAll('SIGTERM');
      }
      if (children.every((c) => c.process.exitCode !== null || c.process.signalCode !== null))
        process.exit(exitCode);
    });
    children.push({ name, port, process: child });
  }

  function stopAll(signal) {
    stopping = true;
    for (const { process: child } of children) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    }
  }
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(signal));
  // Should this script die some other way, its replicas must not run on unattended.
  process.on('exit', () => stopAll('SIGTERM'));

  process.stdout.write(
    `replicas: ${count} api processes, data in ${dataDir}, one PostgreSQL and one Redis:\n` +
      children.map(({ name, port }) => `  ${name}: http://127.0.0.1:${port}\n`).join('') +
      'replicas: Ctrl-C stops them all (each drains first)\n',
  );
}

start();
