/** Jest runs TypeScript through SWC: fast on two cores, no type-check (`npm run typecheck` does that). */
module.exports = {
  testEnvironment: 'node',
  // Tests sit beside their code in every top-level folder (`*.test.ts`), and under test/.
  roots: ['<rootDir>/core', '<rootDir>/functions', '<rootDir>/bot', '<rootDir>/tab', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }],
  },
  // ESM-only packages (jose; file-type and its ESM dependencies) are compiled to CommonJS for Jest like our own code.
  transformIgnorePatterns: ['/node_modules/(?!(jose|file-type|strtok3|token-types|uint8array-extras|@tokenizer|@borewit)/)'],
  testTimeout: 20000,
  reporters: ['default', '<rootDir>/test/support/closing-line-reporter.js'],
};
