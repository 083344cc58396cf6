/** Jest: ts-jest, node environment by default; UI tests opt into jsdom per file. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node', jsx: 'react-jsx', isolatedModules: true } }],
  },
  moduleNameMapper: {
    // office-addin-manifest pulls an ESM-only dependency that Jest cannot load.
    '^office-addin-manifest$': '<rootDir>/test/stubs/office-addin-manifest.js',
  },
  setupFiles: ['<rootDir>/test/setup/globals.ts'],
  globalSetup: '<rootDir>/test/setup/cliBundle.js',
  testTimeout: 30000,
};
