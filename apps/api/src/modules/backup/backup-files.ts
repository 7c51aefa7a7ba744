import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import type { BackupFileDto, WorkspaceExportDocument } from '@podium/contracts';
import { AppConfig } from '../../config/app-config';

/** `2026-11-21T10-00-00-000Z.json`: sortable, and safe in every file system. */
const FILE_NAME = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.json$/u;

export function backupFileName(at: Date): string {
  return `${at.toISOString().replace(/[:.]/gu, '-')}.json`;
}

/** Backup files under DATA_DIR/backups/<workspace id>/. */
@Injectable()
export class BackupFiles {
  constructor(private readonly config: AppConfig) {}

  directory(workspaceId: string): string {
    return join(this.config.dataDir, 'backups', workspaceId);
  }

  /** Writes atomically (temporary file, then rename): a crash never leaves half a backup. */
  async write(workspaceId: string, document: WorkspaceExportDocument, at: Date): Promise<BackupFileDto> {
    const dir = this.directory(workspaceId);
    await mkdir(dir, { recursive: true });
    const name = backupFileName(at);
    const text = JSON.stringify(document);
    await writeFile(join(dir, `${name}.partial`), text, { mode: 0o600 });
    await rename(join(dir, `${name}.partial`), join(dir, name));
    return { name, size: Buffer.byteLength(text), createdAt: at.toISOString() };
  }

  /** Newest first. */
  async list(workspaceId: string): Promise<BackupFileDto[]> {
    const dir = this.directory(workspaceId);
    let names: string[];
    try {
      names = (await readdir(dir)).filter((n) => FILE_NAME.test(n));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    names.sort().reverse();
    const files: BackupFileDto[] = [];
    for (const name of names) {
      const info = await stat(join(dir, name));
      files.push({ name, size: info.size, createdAt: fileTime(name) });
    }
    return files;
  }

  /** The file's text, or null when there is no such backup (the name is checked first). */
  async read(workspaceId: string, name: string): Promise<string | null> {
    if (!FILE_NAME.test(name)) return null;
    try {
      return await readFile(join(this.directory(workspaceId), name), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** Deletes all but the newest `keep` backups; returns the names deleted. */
  async prune(workspaceId: string, keep: number): Promise<string[]> {
    const files = await this.list(workspaceId);
    const old = files.slice(keep).map((f) => f.name);
    for (const name of old) await unlink(join(this.directory(workspaceId), name));
    return old;
  }
}

function fileTime(name: string): string {
  const [date, time] = name.slice(0, -'.json'.length).split('T') as [string, string];
  const [h, m, s, ms] = time.slice(0, -1).split('-');
  return new Date(`${date}T${h}:${m}:${s}.${ms}Z`).toISOString();
}
