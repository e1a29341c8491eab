#!/usr/bin/env bash
# A single-node Apache Kafka broker in KRaft mode (broker and controller in one JVM) on
# 127.0.0.1, for the integration tests and local development. No Docker: the jars come from
# Maven Central (deploy/kafka/pom.xml) on first use and run on the machine's JDK (17+).
#
#   deploy/kafka/kafka.sh start    # starts it (or finds it running); prints the bootstrap address
#   deploy/kafka/kafka.sh status   # prints the bootstrap address; exit 1 when not running
#   deploy/kafka/kafka.sh stop     # stops it and deletes its data
#
# Environment:
#   KAFKA_STATE_DIR            data, log, pid and bootstrap file (default: <repo>/.tmp/kafka)
#   KAFKA_START_TIMEOUT        seconds to wait for the broker to accept clients (default 120)
#   KAFKA_OWNER_PID            when set, the broker is stopped once this process has exited (the
#                              test run passes its pid, so an interrupted run leaves no broker);
#                              written to $KAFKA_STATE_DIR/owner for the run's teardown
#   KAFKA_HEAP_OPTS            JVM heap (default -Xms128m -Xmx512m)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
state="${KAFKA_STATE_DIR:-$repo/.tmp/kafka}"
lib="$here/dist/lib"
version="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$here/pom.xml")"
timeout="${KAFKA_START_TIMEOUT:-120}"

say() { printf '[kafka] %s\n' "$*" >&2; }

pid_alive() { [ -f "$state/pid" ] && kill -0 "$(cat "$state/pid")" 2>/dev/null; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

running() { pid_alive && [ -f "$state/bootstrap" ] && port_open "$(cut -d: -f2 "$state/bootstrap")"; }

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# Kafka cluster ids are 16 random bytes in URL-safe base64; one starting with '-' would read as an option.
cluster_id() {
  node -e "let id;do{id=require('crypto').randomBytes(16).toString('base64url')}while(id.startsWith('-'));console.log(id)"
}

ensure_jars() {
  [ -f "$lib/.complete-$version" ] && return 0
  # Brokers of several test runs share the jars: one fetches, the others wait for it.
  mkdir -p "$repo/.tmp"
  exec 8>"$repo/.tmp/kafka-jars.lock"
  flock -w 900 8
  if [ -f "$lib/.complete-$version" ]; then exec 8>&-; return 0; fi
  command -v java >/dev/null || { say "java not found: the test broker needs a JDK 17+"; exit 1; }
  command -v mvn >/dev/null || { say "mvn not found: the test broker's jars are fetched with Maven"; exit 1; }
  say "fetching Apache Kafka $version and its dependencies from Maven Central (first run only)..."
  local started=$SECONDS
  rm -rf "$lib"
  mkdir -p "$state"
  if ! mvn -q -B -Dstyle.color=never -f "$here/pom.xml" dependency:copy-dependencies >"$state/maven.log" 2>&1; then
    say "Maven could not fetch the broker's jars:"
    tail -n 30 "$state/maven.log" >&2
    exit 1
  fi
  touch "$lib/.complete-$version"
  exec 8>&-
  say "fetched $(ls "$lib"/*.jar | wc -l) jars in $((SECONDS - started))s"
}

write_config() {
  local port=$1 controller_port=$2
  cat >"$state/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
log.dirs=$state/data
# One node: every internal topic has one replica, and acks=all means this broker.
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.num.partitions=1
transaction.state.log.min.isr=1
min.insync.replicas=1
default.replication.factor=1
# Topics are created on purpose (the relay's admin client), never by a typo.
auto.create.topics.enable=false
# Consumer groups form at once instead of waiting for more members (tests start one consumer).
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=2
EOF
}

launch() {
  local port controller_port
  port="$(free_port)"
  controller_port="$(free_port)"
  while [ "$controller_port" = "$port" ]; do controller_port="$(free_port)"; done
  rm -rf "$state/data" "$state/broker.log" "$state/bootstrap"
  write_config "$port" "$controller_port"
  local java_opts=(-Djava.awt.headless=true "-Dlog4j.configuration=file:$here/log4j.properties" "-Dkafka.logs.dir=$state")
  java "${java_opts[@]}" -Xmx256m -cp "$lib/*" kafka.tools.StorageTool format \
    -t "$(cluster_id)" -c "$state/server.properties" >"$state/format.log" 2>&1 \
    || { cat "$state/format.log" >&2; return 1; }
  # shellcheck disable=SC2086
  nohup java ${KAFKA_HEAP_OPTS:--Xms128m -Xmx512m} "${java_opts[@]}" -cp "$lib/*" kafka.Kafka "$state/server.properties" \
    </dev/null >"$state/broker.out" 2>&1 8>&- 9>&- &
  echo $! >"$state/pid"
  local pid=$!
  local deadline=$((SECONDS + timeout))
  until grep -q 'Kafka Server started' "$state/broker.log" 2>/dev/null && port_open "$port"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      say "the broker exited during start; last lines of its log:"
      tail -n 20 "$state/broker.log" "$state/broker.out" >&2 2>/dev/null || true
      rm -f "$state/pid"
      return 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      say "the broker did not accept clients within ${timeout}s; stopping it"
      tail -n 20 "$state/broker.log" >&2 2>/dev/null || true
      stop_broker
      return 1
    fi
    sleep 0.2
  done
  echo "127.0.0.1:$port" >"$state/bootstrap"
  rm -f "$state/owner"
  if [ -n "${KAFKA_OWNER_PID:-}" ]; then
    echo "$KAFKA_OWNER_PID" >"$state/owner"
    watch_owner "$KAFKA_OWNER_PID" "$pid"
  fi
}

# Stops the broker when the owning process is gone, even if it never got to call `stop`.
watch_owner() {
  local owner=$1 pid=$2
  nohup bash -c "
    while kill -0 $owner && kill -0 $pid; do sleep 2; done
    kill -0 $pid || exit 0
    kill $pid
    for _ in \$(seq 30); do kill -0 $pid || exit 0; sleep 1; done
    kill -9 $pid" </dev/null >/dev/null 2>&1 8>&- 9>&- &
}

stop_broker() {
  if pid_alive; then
    local pid
    pid="$(cat "$state/pid")"
    kill "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + 30))
    while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      say "the broker did not stop within 30s; killing it"
      kill -9 "$pid" 2>/dev/null || true
    fi
  fi
  rm -rf "$state/pid" "$state/bootstrap" "$state/owner" "$state/data"
}

mkdir -p "$state"
case "${1:-}" in
  start)
    # Several test files may ask at once: one starts the broker, the others wait and reuse it.
    exec 9>"$state/lock"
    flock -w "$((timeout + 300))" 9
    if running; then cat "$state/bootstrap"; exit 0; fi
    ensure_jars
    started=$SECONDS
    say "starting a single-node broker (KRaft) on 127.0.0.1..."
    launch || { say "retrying once on other ports"; launch; }
    say "broker ready at $(cat "$state/bootstrap") in $((SECONDS - started))s (log: $state/broker.log)"
    cat "$state/bootstrap"
    ;;
  stop)
    exec 9>"$state/lock"
    flock -w 60 9
    stop_broker
    ;;
  status)
    if running; then cat "$state/bootstrap"; else echo "not running" >&2; exit 1; fi
    ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
