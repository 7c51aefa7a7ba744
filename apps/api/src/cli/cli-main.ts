import { runCli } from './podium-cli';

/** Entry of `npx podium` (bundled as dist/apps/api/cli.js, or run from source by tools/cli/podium.cjs). */
runCli(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `podium failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
