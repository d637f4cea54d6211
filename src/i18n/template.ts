/** Widget string templates: `{name}` placeholders, listed and filled. */

/** The `{name}` placeholders of a template, sorted (the i18n test checks both languages use the same ones). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();
}

/** Fills `{name}` placeholders from `values`; a missing value throws, so a typo cannot reach the page silently. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`missing value for {${name}} in "${template}"`);
    return String(value);
  });
}
