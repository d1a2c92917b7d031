import { existsSync } from "node:fs";
import { run } from "./run.js";

export const CHROMIUM = "/usr/bin/chromium";

/**
 * Debian's Chromium, installed from Debian's packages when it is not on the machine (the tests need root
 * for that, as they run in CI here); browser tools' own downloads are not reachable from this network.
 */
export function ensureChromium(): string {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  const install = (...args: string[]) => run("apt-get", args, { env: { DEBIAN_FRONTEND: "noninteractive" } });
  let result = install("install", "-y", "--no-install-recommends", "chromium");
  if (result.status !== 0) {
    install("update");
    result = install("install", "-y", "--no-install-recommends", "chromium");
  }
  if (result.status !== 0 || !existsSync(CHROMIUM)) throw new Error(`Chromium is needed to render the docs and could not be installed (apt-get install chromium):\n${result.stderr}`);
  return CHROMIUM;
}

/** The flags a headless Chromium needs on this machine: as root, and with no network beyond localhost. */
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
