// Test tiers live in file names: *.spec.ts (pure units), *.int-spec.ts (real SQLite, Kafka,
// HTTP), apps/*/test/*.e2e-spec.ts (whole journeys).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

// openid-client and what it builds on are ES modules only: swc turns them into CommonJS for Jest
// (Node itself loads them with require() since 20.19).
const ESM_ONLY = ['openid-client', 'oauth4webapi', 'jose'];
const swcJs = ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } }];

const common = {
  transform: { '^.+\\.ts$': swc, [`/node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`]: swcJs },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
  moduleNameMapper: {
    '^@deals/([a-z-]+)$': '<rootDir>/libs/$1/src',
    '^@deals/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  rootDir: __dirname,
};

module.exports = {
  reporters: ['default', '<rootDir>/scripts/jest-skip-reporter.js'],
  rootDir: __dirname,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'int',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
      // Kafka tests start a local broker on first use; the teardown stops it (deploy/kafka/).
      globalSetup: '<rootDir>/deploy/kafka/jest-global-setup.js',
      globalTeardown: '<rootDir>/deploy/kafka/jest-global-teardown.js',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/apps/*/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/deploy/kafka/jest-global-setup.js',
      globalTeardown: '<rootDir>/deploy/kafka/jest-global-teardown.js',
    },
  ],
};
