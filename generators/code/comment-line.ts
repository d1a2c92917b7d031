/**
 * Text for one line of a comment in any language: every character that ends a line in one of them (line
 * feed, carriage return, NEL, the Unicode line and paragraph separators, form feed, vertical tab) becomes a
 * space, so that a config value can never close the comment it is written in.
 */
export function commentLine(text: string): string {
  return text.replace(/[\n\r\u0085\u2028\u2029\f\v]/g, " ");
}
