/** Lists the largest functions (by lines, from the TypeScript AST) under a folder. Usage: function-sizes.mjs [dir] [count] */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = process.argv[2] ?? 'src';
const count = Number(process.argv[3] ?? 15);

/** Every .ts/.mts file below dir. */
function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(m?ts)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The name a reader would search for: the declaration's own name or the variable it is assigned to. */
function nameOf(node) {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text;
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return '(anonymous)';
}

/** Every function-like node in one file with its line span. */
function functionsIn(path) {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found = [];
  const visit = (node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
      found.push({ file: relative('.', path), line: start, lines: end - start + 1, name: nameOf(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const all = sourceFiles(root)
  .flatMap(functionsIn)
  .sort((a, b) => b.lines - a.lines);
for (const f of all.slice(0, count)) console.log(`${String(f.lines).padStart(5)}  ${f.file}:${f.line} ${f.name}`);
