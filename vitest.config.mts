import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests build real Hexo sites; give them room on 2 cores.
    testTimeout: 120_000,
    hookTimeout: 240_000,
    // expect.poll waits 1 s by default: a browser test's page, busy on a
    // loaded machine (CI runs two test files at once, several of them
    // Chromium), can take longer to scroll or to run a script after a resize.
    expect: { poll: { timeout: 10_000 } },
    pool: 'forks',
    maxWorkers: 2,
  },
});
