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
