import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/data',
      '**/.nx',
      '**/coverage',
      '**/*.cjs',
      '**/*.mjs',
      '**/vite.config.mts',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'scope:overlay', onlyDependOnLibsWithTags: ['scope:contracts', 'scope:ui'] },
            {
              sourceTag: 'type:e2e',
              onlyDependOnLibsWithTags: ['scope:contracts', 'scope:fakes', 'scope:api-client'],
            },
            // Stand-ins for the platforms serve tests only, never the apps' runtime code.
            { sourceTag: 'scope:fakes', onlyDependOnLibsWithTags: ['scope:contracts'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            {
              sourceTag: 'kind:domain',
              bannedExternalImports: [
                '@nestjs/*',
                'typeorm',
                'react',
                'react-dom',
                'express',
                'socket.io',
                'bullmq',
              ],
            },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Hooks live in .ts files too (use-*.ts, the api hooks), so they get the same rules.
    files: ['**/*.tsx', 'apps/web/src/**/*.ts', 'apps/overlay/src/**/*.ts', 'libs/ui/src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // useOrganizerSocket takes a deps list as useEffect does: check it at each call site.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    rules: { 'react-hooks/exhaustive-deps': ['warn', { additionalHooks: '^useOrganizerSocket$' }] },
  },
  {
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/test/**/*.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Benchmarks measure the api from inside as well (its services, its test harness): like the
    // api's own tests they reach into it by path, which the project boundaries forbid for apps.
    files: ['bench/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  prettier,
);
