import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "./paths.js";
import { freePort } from "./ports.js";

/** A real Apache Kafka broker (KRaft mode: broker and controller in one process) on 127.0.0.1. */
export interface Broker {
  readonly brokers: string[];
  readonly logFile: string;
  /** Stops the broker; its folder (and log) is kept when `keepLog` is true, and its path printed. */
  stop(keepLog: boolean): Promise<void>;
  /**
   * Stops the broker with `signal` (SIGTERM: a controlled shutdown; SIGKILL: a crash) and starts it again on
   * the same ports and data, resolving once it serves again.
   */
  restart(signal: "SIGTERM" | "SIGKILL"): Promise<void>;
}

const POM = path.join(ROOT, "test/kafka/pom.xml");

/**
 * The broker's class path, resolved by Maven from test/kafka/pom.xml: the first run downloads the jars from
 * Maven Central into the local Maven repository, later runs reuse it.
 */
function brokerClassPath(dir: string): string {
  const output = path.join(dir, "classpath.txt");
  const result = spawnSync("mvn", ["-q", "-B", "-ntp", "-f", POM, "dependency:build-classpath", `-Dmdep.outputFile=${output}`], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`mvn could not resolve the Kafka broker (is Maven installed?):\n${result.stdout}\n${result.stderr}`);
  return readFileSync(output, "utf8").trim();
}

export interface BrokerOptions {
  readonly timeoutMs?: number;
  /** The KRaft cluster id; random by default (22 base64url characters, so it may start with "-"). */
  readonly clusterId?: string;
}

export async function startBroker({ timeoutMs = 90_000, clusterId = randomBytes(16).toString("base64url") }: BrokerOptions = {}): Promise<Broker> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "event-contracts-kafka-"));
  const classPath = brokerClassPath(dir);
  const [brokerPort, controllerPort] = [await freePort(), await freePort()];
  const properties = path.join(dir, "server.properties");
  writeFileSync(
    properties,
    [
      "process.roles=broker,controller",
      "node.id=1",
      `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
      `listeners=PLAINTEXT://127.0.0.1:${brokerPort},CONTROLLER://127.0.0.1:${controllerPort}`,
      `advertised.listeners=PLAINTEXT://127.0.0.1:${brokerPort}`,
      "controller.listener.names=CONTROLLER",
      "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
      `log.dirs=${path.join(dir, "data")}`,
      "num.partitions=3",
      "offsets.topic.replication.factor=1",
      "offsets.topic.num.partitions=3",
      "transaction.state.log.replication.factor=1",
      "transaction.state.log.min.isr=1",
      "group.initial.rebalance.delay.ms=0",
      "",
    ].join("\n"),
  );
  const log4j = path.join(dir, "log4j.properties");
  writeFileSync(log4j, "log4j.rootLogger=INFO, stdout\nlog4j.appender.stdout=org.apache.log4j.ConsoleAppender\nlog4j.appender.stdout.layout=org.apache.log4j.PatternLayout\nlog4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n\n");
  const java = ["-Xms256m", "-Xmx512m", `-Dlog4j.configuration=file:${log4j}`, "-cp", classPath];
  // A random id is base64url and starts with "-" one time in 64: given as `--cluster-id=<id>`, it cannot be
  // read as an option.
  const format = spawnSync("java", [...java, "kafka.tools.StorageTool", "format", `--cluster-id=${clusterId}`, "-c", properties], { encoding: "utf8" });
  if (format.status !== 0) throw new Error(`formatting the Kafka storage failed:\n${format.stdout}\n${format.stderr}`);

  const logFile = path.join(dir, "broker.log");
  let log = "";
  const flush = (): void => writeFileSync(logFile, log);
  /** Starts the broker process and waits until it says it has started (the nth time it says so). */
  const launch = async (starts: number): Promise<{ child: ChildProcess; exited: Promise<void> }> => {
    const child: ChildProcess = spawn("java", [...java, "kafka.Kafka", properties], { stdio: ["ignore", "pipe", "pipe"] });
    const append = (chunk: Buffer): void => {
      log += chunk.toString("utf8");
    };
    child.stdout?.on("data", append);
    child.stderr?.on("data", append);
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    const deadline = Date.now() + timeoutMs;
    while ((log.match(/Kafka Server started/g) ?? []).length < starts) {
      if (child.exitCode !== null || Date.now() > deadline) {
        flush();
        child.kill("SIGKILL");
        throw new Error(`the Kafka broker did not start; its log is kept at ${logFile}:\n${log.split("\n").slice(-30).join("\n")}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return { child, exited };
  };
  let starts = 1;
  let running = await launch(starts);
  /** Stops the running broker with `signal`, and with SIGKILL if it has not exited after 15 s. */
  const kill = async (signal: "SIGTERM" | "SIGKILL"): Promise<void> => {
    running.child.kill(signal);
    const killed = await Promise.race([running.exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 15_000))]);
    if (!killed) {
      running.child.kill("SIGKILL");
      await running.exited;
    }
  };
  return {
    brokers: [`127.0.0.1:${brokerPort}`],
    logFile,
    async stop(keepLog) {
      await kill("SIGTERM");
      flush();
      if (keepLog) console.error(`Kafka broker log kept at ${logFile}`);
      else rmSync(dir, { recursive: true, force: true });
    },
    async restart(signal) {
      await kill(signal);
      running = await launch(++starts);
    },
  };
}
