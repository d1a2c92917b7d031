import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { exampleFailures, type ExampleFailure } from "./ir/examples.js";
import type { ContractsModel } from "./ir/model.js";
import { vectorsDocument } from "./targets/vectors/index.js";

/**
 * What ajv, the independent oracle, judges in a generation: whether every example satisfies its schema, and
 * the verdicts of the shared test vectors. Both need every event schema compiled by ajv, and the vectors are
 * the longest work of a generation (at 512 event schemas 5 of the 12 s of CPU of the generator's thread), yet
 * nothing else depends on them until the output is written. So they are made on a thread of their own, while
 * the code of every language is made on this one.
 */
export interface OracleWork {
  /** The examples their schemas refuse; none when every example holds. */
  readonly failures: Promise<readonly ExampleFailure[]>;
  /** The vectors document (`vectors.json`). Rejects with ExamplesRefused when an example fails. */
  vectors(): Promise<Uint8Array>;
  /** Gives the work up: the generation failed and will use none of it. */
  stop(): Promise<void>;
}

/** The vectors start from the examples: with one refused, there are none to make. */
export class ExamplesRefused extends Error {
  constructor() {
    super("an example does not satisfy its schema; the generation reports it");
  }
}

/** What the oracle thread is given (in its workerData) and what it answers, in this order. */
export interface OracleRequest {
  readonly model: ContractsModel;
  readonly vectors: boolean;
}
export type OracleAnswer = { readonly kind: "failures"; readonly failures: readonly ExampleFailure[] } | { readonly kind: "vectors"; readonly bytes: Uint8Array<ArrayBuffer> };

/**
 * The worker's module, where there is one: the CLI runs a bundle of the sources (bin/event-contracts.js) with
 * oracle-worker.js beside its chunks, `import.meta.dirname` being the chunk's folder there. Run as sources (the
 * tests, the tsx fallback) there is no such file, and the work is done on this thread, by the same functions.
 */
const WORKER_MODULE = import.meta.dirname === undefined ? undefined : path.join(import.meta.dirname, "oracle-worker.js");

export function judgeAside(request: OracleRequest): OracleWork {
  return WORKER_MODULE !== undefined && existsSync(WORKER_MODULE) ? onWorker(WORKER_MODULE, request) : onThisThread(request);
}

/** The answers the oracle thread gives, computed wherever it runs. */
export function* oracleAnswers(request: OracleRequest): Generator<OracleAnswer> {
  const failures = exampleFailures(request.model);
  yield { kind: "failures", failures };
  if (failures.length === 0 && request.vectors) yield { kind: "vectors", bytes: vectorsDocument(request.model) };
}

function onThisThread(request: OracleRequest): OracleWork {
  const answers = oracleAnswers(request);
  const first = answers.next().value;
  const failures = first?.kind === "failures" ? first.failures : [];
  return {
    failures: Promise.resolve(failures),
    // Made when asked for, as the vectors target did before it had a thread.
    vectors: async () => {
      const next = answers.next().value;
      if (next?.kind === "vectors") return next.bytes;
      throw failures.length > 0 ? new ExamplesRefused() : new Error("internal error: the vectors were not asked for");
    },
    stop: async () => undefined,
  };
}

function onWorker(module: string, request: OracleRequest): OracleWork {
  const failures = settleLater<readonly ExampleFailure[]>();
  const vectors = settleLater<Uint8Array>();
  const worker = new Worker(module, { workerData: request });
  worker.on("message", (answer: OracleAnswer) => {
    if (answer.kind === "vectors") return vectors.resolve(answer.bytes);
    failures.resolve(answer.failures);
    if (answer.failures.length > 0) vectors.reject(new ExamplesRefused());
  });
  const fail = (error: Error): void => {
    failures.reject(error);
    vectors.reject(error);
  };
  worker.on("error", fail);
  // Node delivers every message a worker posted before it says the worker exited: what is unsettled by then was
  // never answered (an answer already given stays; a promise settles once).
  worker.on("exit", (code) => fail(new Error(`internal error: the oracle thread stopped (exit code ${code}) without an answer`)));
  return {
    failures: failures.promise,
    vectors: () => vectors.promise,
    stop: async () => {
      await worker.terminate();
    },
  };
}

/**
 * A promise settled from outside (Promise.withResolvers, which Node 20 lacks). Its rejection counts as
 * handled: the vectors are not awaited when their target is not generated, or when the generation fails.
 */
function settleLater<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: Error): void } {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<T>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}
