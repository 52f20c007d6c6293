import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['tests/unit/setup.ts'],
        },
      },
      {
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts', 'tests/contract/**/*.test.ts'],
          environment: 'node',
          // Any TCP connect outside loopback throws: a mistake fails loudly instead of leaving the machine.
          setupFiles: ['tests/server/loopback-only.ts'],
        },
      },
      {
        test: {
          // The server contract tests again, against the same createApp() bundled and run by workerd.
          name: 'edge',
          include: ['tests/contract/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/contract/edge-setup.ts'],
          setupFiles: ['tests/server/loopback-only.ts'],
          env: { HOPCAST_CONTRACT_TARGET: 'workerd' },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          setupFiles: ['tests/server/loopback-only.ts'],
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
