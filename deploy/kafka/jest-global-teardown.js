// Jest global teardown of the `int` project: stops the test broker if this run started it
// (passed or failed), keeping its log as .tmp/kafka-test-broker.log. A broker started by hand
// (`deploy/kafka/kafka.sh start`) or given by KAFKA_TEST_BROKERS is left alone.
const { execFileSync } = require('node:child_process');
const { copyFileSync, readFileSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const tmp = join(__dirname, '..', '..', '.tmp');

module.exports = async function kafkaGlobalTeardown() {
  const state = process.env.KAFKA_STATE_DIR;
  if (!state) return;
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
  try {
    copyFileSync(join(state, 'broker.log'), join(tmp, 'kafka-test-broker.log'));
  } catch {
    // no log to keep
  }
  if (state === join(tmp, `kafka-test-${process.pid}`)) rmSync(state, { recursive: true, force: true });
};
