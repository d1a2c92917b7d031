/**
 * Names for values a generated file prints once, as numbered constants (`PATTERN_0`, `enum1`): the same value
 * always gets the same name, and the constants come out in the order they were first asked for.
 */
export class NumberedNames {
  private readonly names = new Map<string, string>();

  constructor(private readonly nameFor: (index: number) => string) {}

  nameOf(value: string): string {
    let name = this.names.get(value);
    if (name === undefined) {
      name = this.nameFor(this.names.size);
      this.names.set(value, name);
    }
    return name;
  }

  /** [value, name] pairs, in order of first use. */
  entries(): [string, string][] {
    return [...this.names.entries()];
  }

  get size(): number {
    return this.names.size;
  }
}
