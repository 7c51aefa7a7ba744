// Root rules plus the bulletproof-react import direction for this app: app → features → shared.
// Run as `eslint --config apps/web/eslint.config.mjs apps/web` (the web project's lint target).
import root from '../../eslint.config.mjs';

const leaveBySlice = {
  regex: '^\\.\\./\\.\\./',
  message: 'Leave a slice through the `@/` alias (e.g. `@/shared/ui`), not `../../`.',
};

export default [
  ...root,
  {
    files: ['apps/web/src/shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            leaveBySlice,
            { regex: '^@/(app|features)(/|$)', message: 'shared/ must not import from features/ or app/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            leaveBySlice,
            {
              regex: '^@/(app|features)(/|$)',
              message: 'A feature imports only shared/ (and its own files); compose features in app/.',
            },
          ],
        },
      ],
    },
  },
];
