/** JSON Pointer (RFC 6901) helpers. */

export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function unescapePointerSegment(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

export function pointerOf(segments: readonly (string | number)[]): string {
  return segments.map((segment) => "/" + escapePointerSegment(String(segment))).join("");
}

export function childPointer(pointer: string, segment: string | number): string {
  return pointer + "/" + escapePointerSegment(String(segment));
}

export function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new Error(`not a JSON pointer: ${pointer}`);
  return pointer.slice(1).split("/").map(unescapePointerSegment);
}
