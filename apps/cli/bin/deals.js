#!/usr/bin/env node
// The operator CLI. Runs the TypeScript sources through ts-node (SWC transpiler, no type check)
// with the repo's path aliases, so there is nothing to build first: `npm run cli -- <command>`.
/* global require, __dirname, process */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS launcher, run by node as it is */
const { join } = require('node:path');
const root = join(__dirname, '..', '..', '..');
process.env.TS_NODE_PROJECT ??= join(root, 'tsconfig.json');
require('ts-node').register({ swc: true, project: process.env.TS_NODE_PROJECT });
require('tsconfig-paths').register({ baseUrl: root, paths: require(join(root, 'tsconfig.base.json')).compilerOptions.paths });
require(join(root, 'apps', 'cli', 'src', 'main.ts'));
