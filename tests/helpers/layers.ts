/**
 * The layer rules of docs/ARCHITECTURE.md as data, and a scanner that lists every import in src/ breaking one.
 * Imports are read with the TypeScript parser (static, `export … from`, dynamic `import()`), from .ts/.mjs files and
 * from an .astro file's frontmatter and <script> bodies.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import ts from 'typescript';

/** One import as written: where it points and whether it is erased at build time (`import type`/`export type`). */
export interface ImportRef {
  readonly specifier: string;
  readonly typeOnly: boolean;
  readonly line: number;
}

/** What one layer may import from src/ (`value` or only `type`) and which packages it must not import. */
export interface LayerRule {
  readonly value: readonly string[];
  readonly typeOnly?: readonly string[];
  readonly forbiddenPackages?: readonly RegExp[];
}

const UI_PACKAGES = [/^astro($|[:/])/, /^@observablehq\//, /^shiki/];

/** The rules: each layer imports from itself and from the layers listed (ARCHITECTURE.md, "Layers"). */
export const LAYER_RULES: Readonly<Record<string, LayerRule>> = Object.freeze({
  core: { value: ['core'], forbiddenPackages: UI_PACKAGES },
  // The lab worker compiles chapter 6's loss cell with the cell runtime's compiler and lockdown (reader-objective.ts).
  worker: { value: ['worker', 'core', 'notebook'], forbiddenPackages: UI_PACKAGES },
  charts: { value: ['charts'], typeOnly: ['core'], forbiddenPackages: [/^@tensorflow\//, /^astro($|[:/])/] },
  // Cells get Observable Plot (drawing into linkedom), so the runtime may import it; never Astro.
  notebook: { value: ['notebook', 'core'], forbiddenPackages: [/^astro($|[:/])/] },
  lib: { value: ['lib', 'i18n'] },
  i18n: { value: ['i18n'], typeOnly: ['core', 'worker'] },
  components: { value: ['components', 'core', 'worker', 'charts', 'notebook', 'lib', 'i18n', 'styles'] },
});

/** The layer of a path relative to src/ ('core' for 'core/model.ts'); null for a top-level file such as content.config.ts. */
export function layerOf(srcPath: string): string | null {
  const parts = srcPath.split('/');
  return parts.length > 1 ? (parts[0] ?? null) : null;
}

/** Why `from` (a layer) may not import `target` (a src/ path, or a package name when `external`); null when allowed. */
export function breaksRule(from: string, target: string, typeOnly: boolean, external: boolean): string | null {
  const rule = LAYER_RULES[from];
  if (!rule) return null;
  if (external) {
    const banned = rule.forbiddenPackages?.find((pattern) => pattern.test(target));
    return banned ? `src/${from} must not import the package ${target}` : null;
  }
  const to = layerOf(target) ?? target;
  if (rule.value.includes(to)) return null;
  if (rule.typeOnly?.includes(to))
    return typeOnly ? null : `src/${from} may import only types from src/${to} (use \`import type\`)`;
  return `src/${from} must not import from src/${to}`;
}

function scriptParts(file: string, text: string): string {
  if (!file.endsWith('.astro')) return text;
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
  return [front, ...scripts].join('\n');
}

function lineOf(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

/** Every import in `code` (TypeScript or JavaScript), static and dynamic. */
export function importsOf(code: string): ImportRef[] {
  const source = ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: ImportRef[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const typeOnly = node.importClause?.isTypeOnly === true;
      found.push({ specifier: node.moduleSpecifier.text, typeOnly, line: lineOf(source, node) });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly, line: lineOf(source, node) });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteralLike(arg))
        found.push({ specifier: arg.text, typeOnly: false, line: lineOf(source, node) });
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      found.push({ specifier: node.argument.literal.text, typeOnly: true, line: lineOf(source, node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|mjs|js|astro)$/.test(entry.name) ? [path] : [];
  });
}

/** Every import under `srcDir` that breaks a layer rule, as "file:line → specifier: reason". */
export function layerViolations(srcDir: string): string[] {
  const violations: string[] = [];
  for (const file of sourceFiles(srcDir)) {
    const from = layerOf(relative(srcDir, file).split(sep).join('/'));
    if (from === null) continue;
    for (const ref of importsOf(scriptParts(file, readFileSync(file, 'utf8')))) {
      const external = !ref.specifier.startsWith('.');
      const target = external
        ? ref.specifier
        : relative(srcDir, join(dirname(file), ref.specifier))
            .split(sep)
            .join('/');
      const reason = external || !target.startsWith('..') ? breaksRule(from, target, ref.typeOnly, external) : null;
      const where = posix.join('src', relative(srcDir, file).split(sep).join('/'));
      if (reason) violations.push(`${where}:${ref.line} → ${ref.specifier}: ${reason}`);
    }
  }
  return violations;
}
