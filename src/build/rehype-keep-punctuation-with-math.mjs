/** Rehype plugin: a short inline formula and the closing punctuation right after it stay on one line (，。 never start a line). */
// Browsers may break between an inline-block (KaTeX's output) and the text after it, leaving a full-width comma or a
// closing bracket alone at the start of the next line, which Chinese typesetting never does (a word joiner does not stop
// Chromium there). The pair goes into a no-wrap span. Long formulas are left alone: no-wrap would also remove the
// break points KaTeX leaves inside them, and a phone needs those more than it needs tidy punctuation.

/** Characters that must not begin a line: CJK and Latin closing punctuation. */
const CLOSING = /^[，。、；：！？）」』”’〉》】,.;:!?)\]]/u;
/** Formulas up to this many TeX characters are short enough to keep unbroken on a 360 px screen. */
export const MAX_TEX_LENGTH = 30;

const hasClass = (node, name) =>
  node?.type === 'element' && Array.isArray(node.properties?.className) && node.properties.className.includes(name);

/** The TeX source KaTeX kept in the formula's MathML annotation ('' when there is none). */
function texOf(node) {
  if (node.type === 'element' && node.tagName === 'annotation') return node.children.map((c) => c.value ?? '').join('');
  for (const child of node.children ?? []) {
    const tex = texOf(child);
    if (tex) return tex;
  }
  return '';
}

/** Wraps each short inline formula and the punctuation mark right after it in <span class="math-nobreak">. */
export default function rehypeKeepPunctuationWithMath() {
  const visit = (parent) => {
    const children = parent.children ?? [];
    for (let i = 0; i < children.length; i++) {
      const node = children[i];
      const next = children[i + 1];
      if (hasClass(node, 'katex')) {
        if (next?.type !== 'text' || !CLOSING.test(next.value) || texOf(node).length > MAX_TEX_LENGTH) continue;
        const mark = [...next.value][0];
        const rest = next.value.slice(mark.length);
        const pair = {
          type: 'element',
          tagName: 'span',
          properties: { className: ['math-nobreak'] },
          children: [node, { type: 'text', value: mark }],
        };
        children.splice(i, 2, pair, ...(rest ? [{ type: 'text', value: rest }] : []));
      } else if (node.type === 'element') {
        visit(node);
      }
    }
  };
  return (tree) => visit(tree);
}
