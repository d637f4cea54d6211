/** The formula binding's client on markup shaped like SourceCode.astro's output, in jsdom (the real page is in tests/e2e). */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { ACTIVE_CLASS, bindAll, bindFormula } from '../../../src/components/source/formula-binding.client';
import { TERM_EVENT, type TermEventDetail } from '../../../src/lib/page-events';

const FIGURE = `<figure class="formula-binding" data-formula-binding>
  <div class="source-formula"><span class="katex-html" aria-hidden="true">
    <span class="enclosing" data-term="objective">L</span> =
    <span class="enclosing" data-term="kl">KL(<span class="enclosing" data-term="mu-sq">μ²</span>)</span>
  </span></div>
  <div class="source-terms" data-source-terms hidden>
    <button type="button" data-term="objective" aria-pressed="false">objective</button>
    <button type="button" data-term="kl" aria-pressed="false">KL</button>
    <button type="button" data-term="mu-sq" aria-pressed="false">μ²</button>
  </div>
  <pre><code><span class="line" data-line="43">export function f() {</span>
<span class="line" data-line="44" data-term="objective kl mu-sq">return <span class="source-token" data-term="kl">kl</span>(<span class="source-token" data-term="kl mu-sq">mu</span>);</span></code></pre>
</figure>`;

function setup(figures = 1) {
  const { window } = new JSDOM(
    `<!doctype html><body>${FIGURE.repeat(figures)}<p id="outside" data-term="kl">not mine</p></body>`,
  );
  const doc = window.document;
  const events: TermEventDetail[] = [];
  doc.addEventListener(TERM_EVENT, (e) => events.push((e as CustomEvent<TermEventDetail>).detail));
  const figure = doc.querySelector<HTMLElement>('figure')!;
  const lit = () =>
    [...figure.querySelectorAll(`.${ACTIVE_CLASS}`)].map((el) => `${el.tagName.toLowerCase()}:${el.textContent}`);
  const term = (id: string) => figure.querySelector<HTMLElement>(`.source-formula [data-term="${id}"]`)!;
  const button = (id: string) => figure.querySelector<HTMLButtonElement>(`button[data-term="${id}"]`)!;
  const pointer = (type: string, target: Element, pointerType = 'mouse') => {
    const event = new window.MouseEvent(type, { bubbles: type !== 'pointerleave' });
    Object.defineProperty(event, 'pointerType', { value: pointerType });
    target.dispatchEvent(event);
  };
  return { window, doc, figure, events, lit, term, button, pointer };
}

describe('bindFormula(figure)', () => {
  it('shows the term buttons and marks the figure bound; a figure without buttons is left alone', () => {
    const { doc, figure } = setup();
    expect(bindFormula(figure)).toBe(true);
    expect(figure.querySelector<HTMLElement>('[data-source-terms]')!.hidden).toBe(false);
    expect(figure.dataset['bound']).toBe('true');
    const bare = doc.createElement('figure');
    bare.innerHTML = '<pre>code</pre>';
    expect(bindFormula(bare)).toBe(false);
  });

  it('lights every element of the hovered term inside the figure (innermost term wins) and says so on the document', () => {
    const { doc, figure, events, lit, term, pointer } = setup();
    bindFormula(figure);
    pointer('pointerover', term('mu-sq'));
    expect(lit()).toEqual(['span:μ²', 'button:μ²', 'span:return kl(mu);', 'span:mu']);
    expect(doc.getElementById('outside')!.classList.contains(ACTIVE_CLASS)).toBe(false);
    pointer('pointerover', term('kl'));
    expect(lit()).toEqual(['span:KL(μ²)', 'button:KL', 'span:return kl(mu);', 'span:kl', 'span:mu']);
    pointer('pointerleave', figure);
    expect(lit()).toEqual([]);
    expect(events).toEqual([
      { term: 'mu-sq', active: true },
      { term: 'mu-sq', active: false },
      { term: 'kl', active: true },
      { term: 'kl', active: false },
    ]);
  });

  it('follows keyboard focus on the buttons; Enter/click pins a term until pressed again or Escape', () => {
    const { window, figure, events, lit, button } = setup();
    bindFormula(figure);
    button('kl').focus();
    expect(lit()).toContain('button:KL');
    button('kl').click();
    expect(button('kl').getAttribute('aria-pressed')).toBe('true');
    button('objective').focus();
    expect(lit()).toEqual(['span:L', 'button:objective', 'span:return kl(mu);']);
    button('objective').blur();
    // Back to the pinned term once focus leaves.
    expect(lit()).toEqual(['span:KL(μ²)', 'button:KL', 'span:return kl(mu);', 'span:kl', 'span:mu']);
    button('kl').focus();
    figure.dispatchEvent(new window.KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(button('kl').getAttribute('aria-pressed')).toBe('false');
    button('kl').blur();
    expect(lit()).toEqual([]);
    expect(events.at(-1)).toEqual({ term: 'kl', active: false });
  });

  it('on touch, ignores hover and lets a tap on a formula term toggle it', () => {
    const { figure, lit, term, button, pointer } = setup();
    bindFormula(figure);
    pointer('pointerover', term('objective'), 'touch');
    expect(lit()).toEqual([]);
    term('objective').click();
    expect(lit()).toEqual(['span:L', 'button:objective', 'span:return kl(mu);']);
    expect(button('objective').getAttribute('aria-pressed')).toBe('true');
    pointer('pointerleave', figure, 'touch');
    expect(lit()).toHaveLength(3);
    term('objective').click();
    expect(lit()).toEqual([]);
  });

  it('keeps figures apart, and binds each only once', () => {
    const { doc, pointer } = setup(2);
    bindAll(doc);
    bindAll(doc);
    const [first, second] = [...doc.querySelectorAll<HTMLElement>('figure')];
    pointer('pointerover', first!.querySelector('.source-formula [data-term="kl"]')!);
    expect(first!.querySelectorAll(`.${ACTIVE_CLASS}`).length).toBe(5);
    expect(second!.querySelectorAll(`.${ACTIVE_CLASS}`).length).toBe(0);
    // One listener per figure: one click pins (a second listener would unpin at once).
    first!.querySelector<HTMLButtonElement>('button[data-term="kl"]')!.click();
    expect(first!.querySelector('button[data-term="kl"]')!.getAttribute('aria-pressed')).toBe('true');
  });
});
