import type { Config } from "../config.js";

/**
 * The commands that install a release of each package from where `event-contracts publish` puts it, for the
 * package READMEs. Every value in them comes from the config, whose rules leave nothing a shell would read
 * (names and URLs of letters, digits and a few punctuation marks), so the lines are printed as they are.
 */

/** npm: a scoped package is routed to its registry by `.npmrc`, so later installs and updates find it too. */
export function npmInstallLines(config: Config, version: string): string[] {
  const { packageName, registry } = config.typescript;
  const install = `npm install ${packageName}@${version}`;
  if (registry === undefined) return [install];
  const scope = /^(@[^/]+)\//.exec(packageName)?.[1];
  if (scope === undefined) return [`npm install --registry ${registry} ${packageName}@${version}`];
  return [`echo "${scope}:registry=${registry}" >> .npmrc`, install];
}

/**
 * Go: a module on a private proxy is fetched through it (the public proxy and direct fetches after it, for
 * the module's own dependencies) and kept out of the public checksum database, which cannot know it.
 */
export function goInstallLines(config: Config, modulePath: string, version: string): string[] {
  const get = `go get ${modulePath}@v${version}`;
  const { proxy, module } = config.go;
  if (proxy === undefined) return [get];
  return [`go env -w GOPROXY=${proxy},https://proxy.golang.org,direct GONOSUMDB=${module}`, get];
}

/** pip: a private index must serve the package's dependencies too (pypiserver and devpi fall back to PyPI). */
export function pipInstallLines(config: Config, version: string, extra?: string): string[] {
  const { distribution, index } = config.python;
  const requirement = extra === undefined ? `${distribution}==${version}` : `"${distribution}[${extra}]==${version}"`;
  return [`pip install${index === undefined ? "" : ` --index-url ${index}`} ${requirement}`];
}
