import 'reflect-metadata';
import { createPodiumApp, type PodiumApp } from '../bootstrap/create-app';
import { DomainException } from '../common/errors/domain.exception';
import { ConfigError, loadConfig } from '../config/app-config';
import { TransactionRunner } from '../database/transaction';
import { PointsLedger } from '../modules/points/points-ledger';
import { GoalsService } from '../modules/redeems/goals/goals.service';
import { RedemptionQueueService } from '../modules/redeems/redemption-queue.service';
import { RewardsService } from '../modules/redeems/rewards.service';
import { readFileSync, writeFileSync } from 'node:fs';
import { WorkspaceExportService } from '../modules/backup/workspace-export.service';
import { type CliCommand, CLI_USAGE, CliUsageError, parseCliArgs } from './cli-args';
import { CliLookupRepository } from './cli-lookup.repository';

/**
 * `npx podium <command>`: ops commands on the server's database. Boots the Nest application context
 * (no HTTP listener, no jobs) and calls the same services the admin uses, as a trusted operator.
 */
export async function runCli(
  argv: readonly string[],
  out: (line: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let command: CliCommand;
  try {
    command = parseCliArgs(argv);
  } catch (error) {
    if (error instanceof CliUsageError) {
      out(`${error.message}\n\n${CLI_USAGE}`);
      return 2;
    }
    throw error;
  }
  if (command.name === 'help') {
    out(CLI_USAGE);
    return 0;
  }
  let podium: PodiumApp | undefined;
  try {
    podium = await createPodiumApp(loadConfig(env), { silent: true });
    out(await execute(podium, command));
    return 0;
  } catch (error) {
    if (error instanceof CliUsageError || error instanceof ConfigError || error instanceof DomainException) {
      out(`podium: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await podium?.close();
  }
}

async function execute(podium: PodiumApp, command: Exclude<CliCommand, { name: 'help' }>): Promise<string> {
  const { app } = podium;
  const none = app.get(TransactionRunner).none;
  const lookup = new CliLookupRepository();
  if (command.name === 'import' && !command.workspace) return importWorkspace(podium, command.file, null);
  const workspaces = await lookup.workspaces(none, command.workspace);
  if (workspaces.length === 0) {
    throw new CliUsageError(command.workspace ? `no workspace ${command.workspace}` : 'no workspace yet');
  }
  const [workspace, ...others] = workspaces;
  if (!workspace) throw new CliUsageError('no workspace yet');
  if (others.length > 0) {
    throw new CliUsageError(
      `several workspaces: choose one with --workspace (${workspaces.map((w) => `${w.name} = ${w.id}`).join(', ')})`,
    );
  }
  const rewardId = async (name: string | null): Promise<string | undefined> => {
    if (!name) return undefined;
    const row = await app.get(RewardsService).rowByName(workspace.id, name);
    if (!row) throw new CliUsageError(`no reward ${name} in ${workspace.name}`);
    return row.id;
  };
  switch (command.name) {
    case 'queue:clear': {
      const reward = await rewardId(command.reward);
      const result = await app
        .get(RedemptionQueueService)
        .clearAs(workspace.id, { refund: command.refund, ...(reward ? { rewardId: reward } : {}) }, null);
      return `${workspace.name}: ${result.cleared} redemption(s) ${result.status}`;
    }
    case 'counters:reset': {
      const reward = await rewardId(command.reward);
      const reset = await app.get(RewardsService).resetCountersOf(workspace.id, reward ?? null);
      return `${workspace.name}: ${reset} counter(s) reset`;
    }
    case 'milestone:reset': {
      const goal = await app.get(GoalsService).reset(workspace.id, command.reward, { hard: command.hard });
      return `${workspace.name}: ${goal.name} reset${command.hard ? ' (hard)' : ''}, round ${goal.round}`;
    }
    case 'export': {
      const document = await app.get(WorkspaceExportService).export(workspace.id, { includeKofi: true });
      const text = JSON.stringify(document);
      if (command.file === '-') return text;
      writeFileSync(command.file, text, { mode: 0o600 });
      const rows = Object.values(document.tables).reduce((sum, rows) => sum + rows.length, 0);
      return `${workspace.name}: exported ${rows} row(s) to ${command.file}`;
    }
    case 'import':
      return importWorkspace(podium, command.file, workspace.id);
    case 'points:grant': {
      const viewers = await lookup.viewers(none, workspace.id, command.viewer);
      const [viewer] = viewers;
      if (!viewer || viewers.length !== 1) {
        throw new CliUsageError(
          viewers.length === 0
            ? `no viewer ${command.viewer} in ${workspace.name}`
            : `several viewers match ${command.viewer}: use an id (${viewers.map((v) => `${v.display_name} on ${v.platform} = ${v.id}`).join(', ')})`,
        );
      }
      const ledger = app.get(PointsLedger);
      const { balance } = await ledger.run((tx) =>
        ledger.credit(tx, {
          workspaceId: workspace.id,
          viewerId: viewer.id,
          amount: command.amount,
          reason: 'adjust',
          note: command.note ?? 'granted from the command line',
        }),
      );
      return `${workspace.name}: ${viewer.display_name} +${command.amount}, balance ${balance}`;
    }
  }
}

/** `import <file>`: as a new workspace (owned by members found by e-mail, else the installation's owner). */
async function importWorkspace(podium: PodiumApp, file: string, into: string | null): Promise<string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file === '-' ? 0 : file, 'utf8'));
  } catch (error) {
    throw new CliUsageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const exporter = podium.app.get(WorkspaceExportService);
  const result = await exporter.import(
    exporter.parse(parsed),
    into ? { kind: 'existing', workspaceId: into, importerUserId: null } : { kind: 'new', ownerUserId: null },
  );
  const rows = Object.values(result.rows).reduce((sum, n) => sum + n, 0);
  const unknown = result.members.filter((m) => m.status === 'unknown').map((m) => m.email);
  return [
    `${result.name} = ${result.workspaceId}: imported ${rows} row(s)${result.idsKept ? '' : ' with new ids (a copy)'}`,
    ...(unknown.length > 0
      ? [`members without an account here (invite them again): ${unknown.join(', ')}`]
      : []),
  ].join('\n');
}
