// Jest global setup of the `int` project. Kafka tests start the test broker on first use
// (deploy/kafka/testing/test-broker.ts), so a run without them starts nothing; this only names
// the test run as the broker's owner, so kafka.sh stops it if the run dies without a teardown.
module.exports = async function kafkaGlobalSetup() {
  process.env.KAFKA_OWNER_PID = String(process.pid);
};
