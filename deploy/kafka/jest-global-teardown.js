// Jest global teardown of the `int` project: stops the test broker if this run started it
// (passed or failed). A broker started by hand (`deploy/kafka/kafka.sh start`) is left running.
const { execFileSync } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

module.exports = async function kafkaGlobalTeardown() {
  const state = process.env.KAFKA_STATE_DIR || join(__dirname, '..', '..', '.tmp', 'kafka');
  let owner;
  try {
    owner = readFileSync(join(state, 'owner'), 'utf8').trim();
  } catch {
    return;
  }
  if (owner !== String(process.pid)) return;
  const started = Date.now();
  execFileSync('bash', [join(__dirname, 'kafka.sh'), 'stop'], { stdio: 'inherit', timeout: 120_000 });
  process.stderr.write(`[kafka] test broker stopped in ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
};
