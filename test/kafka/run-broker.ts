// `npm run kafka`: the same Apache Kafka broker the integration tests use (KRaft, from Maven Central), on
// 127.0.0.1, for trying the services locally. It prints its address and runs until Ctrl-C.
import { startBroker } from "../support/kafka-broker.js";

const broker = await startBroker();
console.log(`Kafka broker on ${broker.brokers.join(",")} (log: ${broker.logFile}). Ctrl-C stops it.`);
const stop = (): void => {
  void broker.stop(false).then(() => process.exit(0));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
setInterval(() => undefined, 1 << 30);
