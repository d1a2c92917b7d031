/** Turns schema titles and `$defs` keys into the PascalCase type names of the contracts model. */

/** Letters that Unicode decomposition does not reduce to ASCII but that have a usual ASCII spelling. */
const ASCII_SPELLINGS: Readonly<Record<string, string>> = { ß: "ss", æ: "ae", Æ: "AE", œ: "oe", Œ: "OE", ø: "o", Ø: "O", ł: "l", Ł: "L", đ: "d", Đ: "D", þ: "th", Þ: "TH", ð: "d", Ð: "D" };

/**
 * The one rule for identifiers in every language: they are made of ASCII letters and digits. Accented Latin
 * letters are spelled without their marks (`größe` -> `grosse`, `émigré` -> `emigre`); any other character separates words, and a name with no letter left is refused.
 */
export function foldToAscii(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[ßæÆœŒøØłŁđĐþÞðÐ]/g, (letter) => ASCII_SPELLINGS[letter] ?? letter);
}

/** The words of a name for case conversion: split at non-alphanumerics and camelCase boundaries (`jobId` -> job, Id). */
export function identifierWords(text: string): string[] {
  return foldToAscii(text)
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0);
}

/**
 * `Text job requested` -> `TextJobRequested`, `job_status` -> `JobStatus`, `JobID` -> `JobID`.
 * Returns undefined when no valid name can be made (empty, or starting with a digit): the caller reports
 * that, because inventing a name (quicktype's `Purple`) hides the problem from the schema's owner.
 */
export function pascalCase(text: string): string | undefined {
  const words = foldToAscii(text).split(/[^A-Za-z0-9]+/).filter((word) => word.length > 0);
  if (words.length === 0) return undefined;
  const name = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("");
  return /^[A-Z][A-Za-z0-9]*$/.test(name) ? name : undefined;
}

/** `text-jobs` -> `TEXT_JOBS`. */
export function upperSnakeCase(text: string): string {
  return foldToAscii(text)
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .join("_")
    .toUpperCase();
}

/** The indefinite article before a name read as a word: "an ACTIVITY_GENERATED event", "a TEXT_JOB_REQUESTED event". */
export function article(word: string): "a" | "an" {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}
