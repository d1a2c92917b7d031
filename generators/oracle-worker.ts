// The oracle thread (see oracle-thread.ts): judges the examples and makes the vectors of the model it is given,
// posting each answer as soon as it has it. The vectors' bytes are handed over (transferred), not copied.
import { parentPort, workerData } from "node:worker_threads";
import { oracleAnswers, type OracleRequest } from "./oracle-thread.js";

if (parentPort === null) throw new Error("internal error: oracle-worker.js runs only as a worker thread");
for (const answer of oracleAnswers(workerData as OracleRequest)) parentPort.postMessage(answer, answer.kind === "vectors" ? [answer.bytes.buffer] : []);
