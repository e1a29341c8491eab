/** Boundaries: the domain is pure; apps reach each other only through libs. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'libs/domain must not import infrastructure, Node I/O or any other lib/app.',
      severity: 'error',
      from: { path: '^libs/domain/src', pathNot: '\\.(spec|int-spec)\\.ts$' },
      to: {
        pathNot: ['^libs/domain/src'],
      },
    },
    {
      name: 'contracts-are-pure',
      comment: 'libs/contracts is what other systems rely on: plain data and functions, no dependencies.',
      severity: 'error',
      from: { path: '^libs/contracts/src', pathNot: '\\.(spec|int-spec)\\.ts$' },
      to: { pathNot: ['^libs/contracts/src'] },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-do-not-import-each-other',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'libs-are-nest-free',
      comment: 'Libraries are plain TypeScript; the apps give them their lifecycle.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: 'node_modules/@nestjs/' },
    },
    {
      name: 'production-does-not-import-testing',
      comment: 'Test helpers (testing/ folders, specs) stay out of what ships.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: ['(^|/)testing/', '\\.(spec|int-spec|e2e-spec)\\.ts$', '^apps/[^/]+/test/'] },
      to: { path: ['(^|/)testing/', '\\.(spec|int-spec|e2e-spec)\\.ts$'] },
    },
    {
      name: 'other-libs-through-their-index',
      comment: 'A library is used through its index; its other files are its own business.',
      severity: 'error',
      from: { path: '^(apps|bench|scripts)/', pathNot: ['(^|/)testing/', '\\.(spec|int-spec|e2e-spec)\\.ts$', '^apps/[^/]+/test/'] },
      to: { path: '^libs/[^/]+/src/', pathNot: '^libs/[^/]+/src/index\\.ts$' },
    },
    {
      name: 'libs-use-other-libs-through-their-index',
      severity: 'error',
      from: { path: '^libs/([^/]+)/', pathNot: ['(^|/)testing/', '\\.(spec|int-spec)\\.ts$'] },
      to: { path: '^libs/[^/]+/src/', pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'bench-and-scripts-use-libs-not-app-internals',
      comment: 'The benchmark and scripts start an app through its entry point (bootstrap) or as a process. '
        + 'Except the bench\'s command server, which composes the API\'s own command routes, guards and filter to measure Nest\'s HTTP adapters.',
      severity: 'error',
      from: { path: '^(bench|scripts)/', pathNot: '^bench/servers/nest-command' },
      to: { path: '^apps/', pathNot: '^apps/[^/]+/src/bootstrap\\.ts$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
  },
};
