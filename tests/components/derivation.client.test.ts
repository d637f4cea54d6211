/** The stepper's client on markup shaped like Derivation.astro's server output, in jsdom (the real page is in tests/e2e). */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { enhance, enhanceAll } from '../../src/components/derivation.client';

/** Server-rendered markup of one derivation with `whys[i]` telling whether step i has a reason. */
function derivationHtml(whys: boolean[]): string {
  const steps = whys
    .map(
      (why, i) =>
        `<li class="derivation-step" data-derivation-step><div><p>step ${i + 1}</p>${why ? `<details class="derivation-why"><summary>Why?</summary><div>reason ${i + 1}</div></details>` : ''}</div></li>`,
    )
    .join('');
  return `<figure class="derivation" data-derivation data-counter-template="Step {n} of {total}">
    <figcaption>Title</figcaption><ol>${steps}</ol>
    <div data-derivation-controls hidden>
      <button type="button" data-derivation-action="next">Next step</button>
      <button type="button" data-derivation-action="all">Show all</button>
      <button type="button" data-derivation-action="restart" disabled>Start over</button>
      <p data-derivation-counter aria-live="polite">Step 1 of ${whys.length}</p>
    </div>
  </figure>`;
}

/** A page holding the given derivations, with what jsdom lacks (scrolling, media queries) recorded instead. */
function setup(...derivations: boolean[][]) {
  const { window } = new JSDOM(`<!doctype html><body>${derivations.map(derivationHtml).join('')}</body>`);
  const scrolls: { element: Element; options: ScrollIntoViewOptions | boolean | undefined }[] = [];
  window.HTMLElement.prototype.scrollIntoView = function (options) {
    scrolls.push({ element: this, options });
  };
  let reduce = false;
  window.matchMedia = ((query: string) => ({
    matches: reduce && query.includes('reduce'),
  })) as unknown as typeof window.matchMedia;
  const doc = window.document;
  const figures = [...doc.querySelectorAll<HTMLElement>('figure')];
  const parts = (figure: HTMLElement) => ({
    steps: [...figure.querySelectorAll<HTMLElement>('li')],
    button: (action: string) => figure.querySelector<HTMLButtonElement>(`[data-derivation-action="${action}"]`)!,
    counter: figure.querySelector('[data-derivation-counter]')!,
    controls: figure.querySelector<HTMLElement>('[data-derivation-controls]')!,
  });
  return { window, doc, figures, parts, scrolls, preferReducedMotion: () => (reduce = true) };
}

const shown = (steps: HTMLElement[]) => steps.map((s) => !s.hidden);

describe('enhance(figure)', () => {
  it('hides every step but the first, shows the controls and makes steps focusable by script only', () => {
    const { figures, parts } = setup([false, true, true]);
    const figure = figures[0]!;
    expect(enhance(figure)).toBe(true);
    const { steps, controls, counter, button } = parts(figure);
    expect(shown(steps)).toEqual([true, false, false]);
    expect(controls.hidden).toBe(false);
    expect(steps.map((s) => s.tabIndex)).toEqual([-1, -1, -1]);
    expect(counter.textContent).toBe('Step 1 of 3');
    expect([button('next').disabled, button('all').disabled, button('restart').disabled]).toEqual([false, false, true]);
    expect(figure.dataset['enhanced']).toBe('true');
  });

  it('Next step reveals and focuses the next step, updates the counter, and scrolls only as far as the buttons', () => {
    const { doc, figures, parts, scrolls } = setup([false, true, true]);
    enhance(figures[0]!);
    const { steps, counter, button, controls } = parts(figures[0]!);
    button('next').click();
    expect(shown(steps)).toEqual([true, true, false]);
    expect(doc.activeElement).toBe(steps[1]);
    expect(counter.textContent).toBe('Step 2 of 3');
    expect(scrolls).toEqual([{ element: controls, options: { block: 'nearest', behavior: 'smooth' } }]);
    button('next').click();
    expect(shown(steps)).toEqual([true, true, true]);
    expect([button('next').disabled, button('all').disabled, button('restart').disabled]).toEqual([true, true, false]);
  });

  it('Show all reveals the rest and focuses the first newly shown step; Start over returns to step 1 and focuses it', () => {
    const { doc, figures, parts } = setup([false, true, true, true]);
    enhance(figures[0]!);
    const { steps, counter, button } = parts(figures[0]!);
    button('next').click();
    button('all').click();
    expect(shown(steps)).toEqual([true, true, true, true]);
    expect(doc.activeElement).toBe(steps[2]);
    expect(counter.textContent).toBe('Step 4 of 4');
    button('restart').click();
    expect(shown(steps)).toEqual([true, false, false, false]);
    expect(doc.activeElement).toBe(steps[0]);
    expect(counter.textContent).toBe('Step 1 of 4');
    expect(button('restart').disabled).toBe(true);
  });

  it('scrolls without smooth motion for readers who prefer reduced motion', () => {
    const { figures, parts, scrolls, preferReducedMotion } = setup([false, true]);
    preferReducedMotion();
    enhance(figures[0]!);
    parts(figures[0]!).button('next').click();
    expect(scrolls.map((s) => s.options)).toEqual([{ block: 'nearest', behavior: 'auto' }]);
  });

  it('leaves a one-step derivation as the server rendered it, and enhances each figure only once', () => {
    const { figures, parts } = setup([true], [false, true]);
    expect(enhance(figures[0]!)).toBe(false);
    expect(parts(figures[0]!).controls.hidden).toBe(true);
    expect(figures[0]!.dataset['enhanced']).toBeUndefined();
    enhance(figures[1]!);
    enhance(figures[1]!);
    parts(figures[1]!).button('next').click();
    expect(parts(figures[1]!).counter.textContent).toBe('Step 2 of 2');
  });
});

describe('enhanceAll(doc)', () => {
  it('enhances every derivation on the page independently', () => {
    const { doc, figures, parts } = setup([false, true], [false, true, true]);
    enhanceAll(doc);
    parts(figures[1]!).button('next').click();
    expect(shown(parts(figures[0]!).steps)).toEqual([true, false]);
    expect(shown(parts(figures[1]!).steps)).toEqual([true, true, false]);
  });

  it('opens every closed "why" for printing and closes only those again afterwards', () => {
    const { window, doc } = setup([false, true, true]);
    enhanceAll(doc);
    const whys = [...doc.querySelectorAll('details')];
    whys[0]!.open = true;
    window.dispatchEvent(new window.Event('beforeprint'));
    expect(whys.map((d) => d.open)).toEqual([true, true]);
    window.dispatchEvent(new window.Event('afterprint'));
    expect(whys.map((d) => d.open)).toEqual([true, false]);
  });
});
