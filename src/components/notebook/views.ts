/** Outputs → a small tree of elements (tag, attributes, children), rendered as HTML at build and as DOM in the page. */
import { fill, type NotebookStrings } from '../../i18n/notebook';
import type { CellError, ControlSpec, InspectNode, Output, TensorOutput } from '../../notebook/types';

/** An element: text children are always text, never markup. */
export interface VNode {
  readonly tag: string;
  readonly attrs?: Readonly<Record<string, string>>;
  readonly children?: readonly (VNode | string)[];
}

/** How pictures become URLs: PNG data URLs at build, canvas/blob URLs in the page. */
export interface Media {
  /** A grid of grey images (values in [0, 1], `side` × `side` each). */
  images(pixels: readonly number[], count: number, side: number): string;
  /** A heatmap of `rows` × `cols` values, scaled from min (dark) to max (light). */
  heatmap(values: readonly number[], rows: number, cols: number): string;
  /** An SVG document as an image URL (never inserted as markup). */
  svg(markup: string): string;
}

const h = (tag: string, attrs: Record<string, string> = {}, ...children: (VNode | string)[]): VNode => ({
  tag,
  attrs,
  children,
});

/** Numbers as the inspector shows them: up to 6 significant digits, integers in full. */
export function formatNumber(value: number | string): string {
  if (typeof value === 'string') return value;
  if (Number.isInteger(value)) return String(value);
  const abs = Math.abs(value);
  return abs !== 0 && (abs < 1e-4 || abs >= 1e9) ? value.toExponential(4) : String(Number(value.toPrecision(6)));
}

/** The inspector tree: leaves as text, collections as <details> (open at the top level). */
function inspectorNode(node: InspectNode, s: NotebookStrings, depth = 0): VNode {
  if (node.type === 'number') return h('span', { class: 'cell-value cell-number' }, formatNumber(node.value));
  if ('text' in node) {
    const text = node.type === 'string' && depth > 0 ? JSON.stringify(node.text) : node.text;
    return h('span', { class: `cell-value cell-${node.type}` }, text);
  }
  const items = node.entries.map(([key, child]) =>
    h('li', {}, h('span', { class: 'cell-key' }, `${key}: `), inspectorNode(child, s, depth + 1)),
  );
  if (node.more > 0) items.push(h('li', { class: 'cell-more' }, fill(s.moreEntries, { count: node.more })));
  return h(
    'details',
    depth === 0 ? { class: 'cell-inspector', open: '' } : { class: 'cell-inspector' },
    h('summary', {}, node.label),
    h('ul', {}, ...items),
  );
}

/** A tensor: shape line, statistics, first values, and its heatmap when 2-D. */
function tensorNode(t: TensorOutput, s: NotebookStrings, media: Media): VNode {
  const stats = {
    min: formatNumber(t.min),
    max: formatNumber(t.max),
    mean: formatNumber(t.mean),
    std: formatNumber(t.std),
  };
  const parts: VNode[] = [
    h('p', { class: 'cell-tensor-shape' }, fill(s.tensorShape, { shape: `[${t.shape.join(', ')}]`, dtype: t.dtype })),
    h('p', {}, fill(s.tensorStats, stats)),
    h(
      'p',
      {},
      fill(s.tensorFirst, { values: t.first.map(formatNumber).join(', ') + (t.size > t.first.length ? ', …' : '') }),
    ),
  ];
  if (t.heatmap) {
    const alt = fill(s.heatmapAlt, { rows: t.heatmap.rows, cols: t.heatmap.cols });
    parts.push(
      h('img', {
        class: 'cell-heatmap',
        src: media.heatmap(t.heatmap.values, t.heatmap.rows, t.heatmap.cols),
        alt,
        width: String(t.heatmap.cols * 6),
        height: String(t.heatmap.rows * 6),
      }),
    );
  }
  return h('div', { class: 'cell-tensor' }, ...parts);
}

/** Identifies a control across runs: its place and everything but its current value. */
export function controlKey(index: number, spec: ControlSpec): string {
  const { value: _value, ...rest } = spec;
  return JSON.stringify([index, rest]);
}

/** A control: a labelled slider, number field or select; `data-control-index` lets the page wire it. */
function controlNode(index: number, spec: ControlSpec, cellId: string): VNode {
  const id = `${cellId.replace(/\W+/g, '-')}-control-${index}`;
  const attrs = { id, 'data-control-index': String(index), 'data-control-type': spec.type };
  const label = h('label', { for: id }, spec.label || `#${index + 1}`);
  const key = controlKey(index, spec);
  if (spec.type === 'select') {
    const options = spec.options.map((o) =>
      h('option', o === spec.value ? { value: o, selected: '' } : { value: o }, o),
    );
    return h('div', { class: 'cell-control', 'data-control-key': key }, label, h('select', attrs, ...options));
  }
  const range = { min: String(spec.min), max: String(spec.max), step: String(spec.step), value: String(spec.value) };
  const input = h('input', { ...attrs, ...range, type: spec.type === 'slider' ? 'range' : 'number' });
  const shown =
    spec.type === 'slider' ? [h('output', { for: id, 'data-control-value': '' }, formatNumber(spec.value))] : [];
  return h('div', { class: 'cell-control', 'data-control-key': key }, label, input, ...shown);
}

/** The reader-facing message of a cell error, in the reader's language. */
export function errorMessage(error: CellError, s: NotebookStrings, seconds = 10): string {
  const values = {
    message: error.message,
    name: error.name ?? '',
    seconds: error.code === 'timeout' ? (error.name ?? seconds) : seconds,
  };
  const templates: Record<CellError['code'], string> = {
    syntax: s.errorSyntax,
    runtime: s.errorRuntime,
    module: s.errorModule,
    duplicate: s.errorDuplicate,
    cycle: s.errorCycle,
    upstream: s.errorUpstream,
    timeout: s.errorTimeout,
    stopped: s.errorStopped,
    forbidden: s.errorForbidden,
  };
  return fill(templates[error.code], values);
}

/** An error: where in the cell (line and column), then what went wrong. */
function errorNode(error: CellError, s: NotebookStrings): VNode {
  const where =
    error.line !== undefined
      ? [h('span', { class: 'cell-error-at' }, `${fill(s.errorAt, { line: error.line, col: error.col ?? 1 })}: `)]
      : [];
  return h('p', { class: 'cell-error', 'data-error-code': error.code }, ...where, errorMessage(error, s));
}

/** One output as an element. */
export function outputNode(output: Output, s: NotebookStrings, media: Media, cellId: string): VNode {
  switch (output.kind) {
    case 'inspect':
      return h('div', { class: 'cell-out' }, inspectorNode(output.node, s));
    case 'tensor':
      return tensorNode(output, s, media);
    case 'images': {
      const alt = fill(s.imagesAlt, { count: output.count });
      const columns = Math.min(output.count, 8);
      const size = {
        width: String(columns * output.side * 2),
        height: String(Math.ceil(output.count / 8) * output.side * 2),
      };
      return h('img', {
        class: 'cell-images',
        src: media.images(output.pixels, output.count, output.side),
        alt,
        ...size,
      });
    }
    case 'svg':
      return h('img', {
        class: 'cell-chart',
        src: media.svg(output.markup),
        alt: fill(s.chartAlt, { label: output.label }),
      });
    case 'control':
      return controlNode(output.index, output.spec, cellId);
    case 'error':
      return errorNode(output.error, s);
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ESCAPES[c] as string);
const VOID = new Set(['img', 'input']);

/** Serialises a tree as HTML (build time), escaping every text and attribute. */
export function toHtml(node: VNode | string): string {
  if (typeof node === 'string') return escape(node);
  const attrs = Object.entries(node.attrs ?? {})
    .map(([k, v]) => (v === '' ? ` ${k}` : ` ${k}="${escape(v)}"`))
    .join('');
  if (VOID.has(node.tag)) return `<${node.tag}${attrs}>`;
  return `<${node.tag}${attrs}>${(node.children ?? []).map(toHtml).join('')}</${node.tag}>`;
}
