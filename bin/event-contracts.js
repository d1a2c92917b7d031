#!/usr/bin/env node
// The CLI runs the TypeScript sources directly through tsx's loader: one source of truth, no build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../generators/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
