/**
 * The parts of a widget's figure, found by `data-part` (one vocabulary, scoped by the figure): the ones every widget
 * has and the ones it lists by element, and the two writes most widgets make to them (the status line alone, and the
 * status line with its progress bar).
 */
import { partsOf } from './kit';

/** The elements a widget may list its parts under; `element` is any element (typed HTMLElement, its tag not checked). */
type Tag = 'element' | 'button' | 'canvas' | 'fieldset' | 'input' | 'progress' | 'table' | 'tbody';
/** A widget's own parts: their `data-part` names (kebab-case) under the element each one is. */
export type PartSpec = { readonly [T in Tag]?: readonly string[] };

/** 'use-posterior' → 'usePosterior': the key a part has in the found object. */
type Camel<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;
type NameOf<S extends PartSpec> = {
  [T in keyof S]: S[T] extends readonly (infer N extends string)[] ? N : never;
}[keyof S];
type TagOf<S extends PartSpec, N> = {
  [T in keyof S]: S[T] extends readonly (infer M)[] ? (N extends M ? T : never) : never;
}[keyof S];
type ElementOf<T> = T extends Exclude<Tag, 'element'> ? HTMLElementTagNameMap[T] : HTMLElement;
/** The parts a spec finds, by camel-case key, typed by their element. */
export type FoundParts<S extends PartSpec> = { [N in NameOf<S> as Camel<N>]: ElementOf<TagOf<S, N>> };

/** The parts every widget has: its status line, the plots, the note shown without JavaScript, the live region. */
export interface SharedParts {
  readonly status: HTMLElement;
  readonly plots: HTMLElement;
  readonly staticNote: HTMLElement;
  readonly announce: HTMLElement;
}

const camel = (name: string) => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/** Finds the shared parts and those `spec` lists; a missing part, or one that is not the element listed, throws. */
export function widgetParts<const S extends PartSpec>(
  figure: HTMLElement,
  widget: string,
  spec: S,
): SharedParts & FoundParts<S> {
  const part = partsOf(figure, widget);
  const found: Record<string, HTMLElement> = {};
  for (const [tag, names] of Object.entries(spec) as [Tag, readonly string[]][])
    for (const name of names) {
      const element = part(name);
      if (tag !== 'element' && element.localName !== tag)
        throw new Error(`${widget} widget: [data-part="${name}"] is a <${element.localName}>, not a <${tag}>`);
      found[camel(name)] = element;
    }
  const shared: SharedParts = {
    status: part('status'),
    plots: part('plots'),
    staticNote: part('static-note'),
    announce: part('announce'),
  };
  return { ...shared, ...(found as FoundParts<S>) };
}

/** Writes `text` into `element` only when it differs (a live status line is not rewritten with the same words). */
export function showText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

/** Writes the status line and its progress bar, hidden once `progress` (0 … 1) reaches 1. */
export function showProgress(
  parts: { readonly status: HTMLElement; readonly progress: HTMLProgressElement },
  progress: number,
  text: string,
): void {
  parts.status.textContent = text;
  parts.progress.hidden = progress >= 1;
  parts.progress.value = progress;
}
