/** Turns schema titles and `$defs` keys into the PascalCase type names of the contracts model. */

/**
 * `Text job requested` -> `TextJobRequested`, `job_status` -> `JobStatus`, `JobID` -> `JobID`.
 * Returns undefined when no valid name can be made (empty, or starting with a digit): the caller reports
 * that, because inventing a name (quicktype's `Purple`) hides the problem from the schema's owner.
 */
export function pascalCase(text: string): string | undefined {
  const words = text.split(/[^A-Za-z0-9]+/).filter((word) => word.length > 0);
  if (words.length === 0) return undefined;
  const name = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("");
  return /^[A-Z][A-Za-z0-9]*$/.test(name) ? name : undefined;
}

/** `text-jobs` -> `TEXT_JOBS`. */
export function upperSnakeCase(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .join("_")
    .toUpperCase();
}
