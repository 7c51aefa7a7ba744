/** English strings for backup and restore (a card on the workspace settings page). */
export const backup = {
  backup: {
    title: 'Backup and restore',
    description:
      'Everything of this workspace in one JSON file: meetings, questions, bots, rewards, settings, viewers, balances and the points ledger.',
    export: {
      title: 'Export',
      hint: 'Platform connections, API tokens and overlay links are not included: connect and issue them again after a restore.',
      download: 'Download export',
    },
    schedule: {
      title: 'Automatic backups',
      hint: 'Podium writes a backup into its data folder (DATA_DIR/backups) on this schedule and keeps the newest ones.',
      enabled: 'Back up automatically',
      intervalHours: 'Every (hours)',
      intervalHint: '1 = hourly.',
      keep: 'Backups to keep',
      save: 'Save schedule',
      saved: 'Schedule saved.',
      now: 'Back up now',
      last: 'Last backup: {{date}}',
      lastFailed: 'The last backup failed',
    },
    files: {
      empty: 'No backups yet.',
      size: '{{kb}} KB',
      download: 'Download',
    },
    import: {
      title: 'Import',
      hint: 'Import an export as a new workspace that you own. Members are matched by e-mail.',
      file: 'Export file',
      submit: 'Import as a new workspace',
      done: '“{{name}}” was imported.',
      copy: 'This workspace already exists here, so the import is a copy with new ids and new join codes.',
      unknownMembers: 'No account here for {{emails}}: invite them again.',
    },
  },
} as const;
