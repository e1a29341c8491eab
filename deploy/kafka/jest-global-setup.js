// Jest global setup of the `int` project. Kafka tests start the test broker on first use
// (deploy/kafka/testing/test-broker.ts), so a run without them starts nothing. This gives the
// run its own broker directory (runs started side by side in one checkout each get their own
// broker, so one run's teardown never stops another's) and names the run as the broker's owner,
// so kafka.sh stops it even if the run dies without a teardown.
const { readdirSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const tmp = join(__dirname, '..', '..', '.tmp');

module.exports = async function kafkaGlobalSetup() {
  removeDirsOfEndedRuns();
  process.env.KAFKA_OWNER_PID = String(process.pid);
  process.env.KAFKA_STATE_DIR ??= join(tmp, `kafka-test-${process.pid}`);
};

function removeDirsOfEndedRuns() {
  let names = [];
  try {
    names = readdirSync(tmp);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = /^kafka-test-(\d+)$/.exec(name)?.[1];
    if (pid && !alive(Number(pid))) rmSync(join(tmp, name), { recursive: true, force: true });
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}
