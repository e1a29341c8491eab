// Runs the harness's TypeScript straight from source: ts-node with SWC (transpile only, fast start)
// and the @deals/* paths of tsconfig.json. Used as `node -r ./bench/register.js bench/run.ts`.
const { join } = require('node:path');

process.env.TS_NODE_PROJECT ??= join(__dirname, '..', 'tsconfig.json');
require('ts-node').register({ swc: true, project: process.env.TS_NODE_PROJECT });
require('tsconfig-paths/register');
