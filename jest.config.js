/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type checking happens once in `npm run build` (tsc); tests only transpile.
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.check.json' }],
  },
  // Newman runs and the emulator are real: give them time on a 2-core machine.
  testTimeout: 60000,
  maxWorkers: 2,
  // Newman's fs.F_OK deprecation on Node 24, left out in the test workers as the runner leaves it out (see the file).
  setupFiles: ['<rootDir>/test/helpers/newman-warning-setup.ts'],
  // The shared test key pair, generated once per run (test/helpers/key-pool.ts), and the sandbox scripts module the
  // generator requires, built as the build builds it (test/helpers/global-setup.ts).
  globalSetup: '<rootDir>/test/helpers/global-setup.ts',
  moduleNameMapper: {
    '^\\./sandbox-scripts$': '<rootDir>/.tmp/jest/sandbox-scripts.js',
    // The real Newman and postman-runtime packages, loaded by Node once per worker instead of by Jest once per
    // test file (test/helpers/native/load.ts says why).
    '^newman$': '<rootDir>/test/helpers/native/newman.ts',
    '^postman-runtime-latest$': '<rootDir>/test/helpers/native/postman-runtime-latest.ts',
    '^postman-runtime-latest/node_modules/postman-collection$': '<rootDir>/test/helpers/native/postman-runtime-latest-sdk.ts',
  },
  globalTeardown: '<rootDir>/test/helpers/key-pool-teardown.ts',
};
