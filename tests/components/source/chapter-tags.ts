/** Reads `<SourceCode …>` and `<LiveValue …>` tags out of chapter MDX, with their literal props, for the drift tests. */
import ts from 'typescript';

/** One `<SourceCode>` in a chapter: its props, the text between its tags, and the line it starts on. */
export interface SourceCodeTag {
  readonly props: Readonly<Record<string, unknown>>;
  readonly children: string;
  readonly line: number;
}

/** Index just past the `>` that ends the JSX opening tag starting at `from`, skipping quotes and `{…}`. */
function openingTagEnd(text: string, from: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === '>' && depth === 0) return i + 1;
  }
  throw new Error(`unterminated tag at offset ${from}`);
}

/** The value of a literal expression: strings, numbers, negative numbers, booleans, arrays and plain objects. */
function literal(node: ts.Expression): unknown {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken)
    return -(literal(node.operand as ts.Expression) as number);
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isParenthesizedExpression(node)) return literal(node.expression);
  if (ts.isArrayLiteralExpression(node)) return node.elements.map((e) => literal(e));
  if (ts.isObjectLiteralExpression(node)) {
    return Object.fromEntries(
      node.properties.map((p) => {
        if (!ts.isPropertyAssignment(p)) throw new Error(`not a literal property: ${p.getText()}`);
        const key =
          ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) || ts.isNumericLiteral(p.name)
            ? p.name.text
            : p.name.getText();
        return [key, literal(p.initializer)];
      }),
    );
  }
  throw new Error(`not a literal: ${node.getText()}`);
}

/** The props of one JSX opening tag (e.g. `<SourceCode file="a" terms={{ kl: [1, 2] }}>`), evaluated as literals. */
export function tagProps(openingTag: string): Record<string, unknown> {
  const selfClosing = openingTag.replace(/\/?>$/, ' />');
  const source = ts.createSourceFile('tag.tsx', `(${selfClosing});`, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const statement = source.statements[0];
  const expression = statement && ts.isExpressionStatement(statement) ? statement.expression : undefined;
  const element = expression && ts.isParenthesizedExpression(expression) ? expression.expression : undefined;
  if (!element || !ts.isJsxSelfClosingElement(element)) throw new Error(`cannot parse ${openingTag}`);
  const props: Record<string, unknown> = {};
  for (const attribute of element.attributes.properties) {
    if (!ts.isJsxAttribute(attribute)) throw new Error(`spread props are not supported: ${attribute.getText()}`);
    const name = attribute.name.getText();
    const init = attribute.initializer;
    if (!init) props[name] = true;
    else if (ts.isStringLiteral(init)) props[name] = init.text;
    else if (ts.isJsxExpression(init) && init.expression) props[name] = literal(init.expression);
  }
  return props;
}

/** Every `<Name …>` tag in `body` with its props, children (up to `</Name>`, empty when self-closing) and line. */
export function componentTags(body: string, name: string): SourceCodeTag[] {
  const tags: SourceCodeTag[] = [];
  for (const match of body.matchAll(new RegExp(`<${name}\\b`, 'g'))) {
    const start = match.index;
    const end = openingTagEnd(body, start);
    const opening = body.slice(start, end);
    let children = '';
    if (!opening.endsWith('/>')) {
      const close = body.indexOf(`</${name}>`, end);
      if (close === -1) throw new Error(`<${name}> at offset ${start} is never closed`);
      children = body.slice(end, close);
    }
    tags.push({ props: tagProps(opening), children, line: body.slice(0, start).split('\n').length });
  }
  return tags;
}
