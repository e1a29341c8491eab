// The harness's smoke test (`npm run test:bench`): the root config's TypeScript set-up, tests under bench/.
const root = require('../jest.config.js');

const { displayName: _unit, testMatch: _match, ...common } = root.projects[0];

module.exports = { ...common, displayName: 'bench', testMatch: ['<rootDir>/bench/**/*.int-spec.ts'] };
