/** Reads chapter files from disk for content tests: frontmatter, body, headings, formulas and embedded widgets. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';

export const CHAPTERS_DIR = join(import.meta.dirname, '..', '..', 'chapters');

export interface ChapterFile {
  lang: string;
  slug: string;
  path: string;
  frontmatter: Record<string, unknown>;
  body: string;
}

/** Every chapters/<lang>/<slug>.mdx file, parsed. */
export function readChapterFiles(dir = CHAPTERS_DIR): ChapterFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(dir, d.name))
        .filter((f) => f.endsWith('.mdx'))
        .map((f) => {
          const path = join(dir, d.name, f);
          const { frontmatter, content } = parseFrontmatter(readFileSync(path, 'utf8'));
          return { lang: d.name, slug: f.replace(/\.mdx$/, ''), path, frontmatter, body: content };
        }),
    );
}

/** Removes fenced code so `#` comments and `$` in code are not taken for headings or math. */
export function withoutCode(body: string): string {
  return body.replace(/^(```|~~~)[\s\S]*?^\1/gm, '');
}

/** The `##`/`###` heading levels in order, e.g. [2, 3, 3, 2]. */
export function headingOutline(body: string): number[] {
  return [...withoutCode(body).matchAll(/^(#{2,3})\s+\S/gm)].map((m) => m[1]!.length);
}

/** Display formulas ($$ … $$) and inline formulas ($ … $), TeX source only. */
export function formulas(body: string): { display: string[]; inline: string[] } {
  const text = withoutCode(body);
  const display = [...text.matchAll(/\$\$([\s\S]+?)\$\$/g)].map((m) => m[1]!.trim());
  const rest = text.replace(/\$\$[\s\S]+?\$\$/g, '');
  const inline = [...rest.matchAll(/(?<![\\$])\$(?!\$)((?:\\\$|[^$\n])+?)\$/g)].map((m) => m[1]!.trim());
  return { display, inline };
}

/** Embedded widgets: capitalised JSX components and `{/* widget: name … *\/}` placeholders, in order. */
export function widgets(body: string): string[] {
  const text = withoutCode(body);
  return [...text.matchAll(/<([A-Z][A-Za-z0-9]*)\b|\{\/\*\s*widget:\s*([\w-]+)/g)].map(
    (m) => m[1] ?? `placeholder:${m[2]}`,
  );
}
