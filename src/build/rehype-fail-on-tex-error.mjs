/** Rehype plugin: turns any KaTeX error that rehype-katex recorded into a build failure naming the file and formula. */
// rehype-katex reports a bad formula as a file message and renders it in red; a book must never ship that.
import { toText } from 'hast-util-to-text';
import { relative } from 'node:path';

/** Fails the build with one line per bad formula: file, line, the TeX source and KaTeX's reason. */
export default function rehypeFailOnTexError() {
  return (_tree, file) => {
    const errors = file.messages.filter((m) => m.source === 'rehype-katex');
    if (errors.length === 0) return;
    const where = file.path ? relative(process.cwd(), file.path) : '<unknown file>';
    const lines = errors.map((m) => {
      const node = m.ancestors?.at(-1);
      const formula = node ? toText(node, { whitespace: 'pre' }).trim() : '?';
      const reason = m.cause instanceof Error ? m.cause.message : m.reason;
      return `  ${where}:${m.line ?? '?'}  formula: ${formula}\n    KaTeX: ${reason}`;
    });
    throw new Error(`TeX error in ${where}:\n${lines.join('\n')}`);
  };
}
