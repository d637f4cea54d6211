/** The quiz's client: grades on "Check", shows feedback with the explanation, keeps scores and saves progress. */
import { QUIZ_STRINGS, fill } from '../../i18n/quiz';
import { isLang } from '../../i18n/langs';
import { grade, score, totalScore, type AnswerKey, type QuizResponse, type Score } from '../../lib/quiz/grade';
import { shuffleBySeed } from '../../lib/quiz/shuffle';
import {
  emptyProgress,
  openProgressStore,
  withAnswer,
  withCurrentRevisions,
  withRetry,
  type LoadNotice,
  type Progress,
  type ProgressStore,
} from '../../lib/quiz/progress';

/** Fired on document when one quiz changes the saved progress, so every quiz on the page redraws from it. */
const CHANGED = 'quiz-progress-changed';

let shared: { store: ProgressStore; progress: Progress; notice: LoadNotice; revised: boolean } | null = null;

/** The page's saved progress, loaded once; `revisions` (every question id → its revision) is needed on the first call. */
function state(revisions: Readonly<Record<string, number>> = {}): NonNullable<typeof shared> {
  if (!shared) {
    const store = openProgressStore(() => globalThis.localStorage);
    const loaded = store.load();
    const { progress, dropped } = withCurrentRevisions(loaded.progress, revisions);
    const notice = loaded.notice;
    // A reset or pruned record is written back at once, so the notice shows once and not on every load.
    if (notice === 'corrupt' || notice === 'foreign' || notice === 'migrated' || dropped.length > 0)
      store.save(progress);
    shared = { store, progress, notice, revised: dropped.length > 0 };
  }
  return shared;
}

function commit(progress: Progress): void {
  const s = state();
  s.progress = progress;
  s.store.save(progress);
  document.dispatchEvent(new CustomEvent(CHANGED));
}

const part = <T extends Element>(root: ParentNode, name: string): T | null =>
  root.querySelector<T>(`[data-quiz="${name}"]`);

function responseOf(form: HTMLFormElement, key: AnswerKey): QuizResponse {
  if (key.kind === 'numeric')
    return { kind: 'numeric', raw: form.querySelector<HTMLInputElement>('input[name="value"]')?.value ?? '' };
  const selected = [...form.querySelectorAll<HTMLInputElement>('input[name="choice"]:checked')].map((i) => i.value);
  return { kind: 'choice', selected };
}

/** Mounts one quiz root rendered by Quiz.astro. */
export function mount(root: HTMLElement): void {
  const lang = isLang(root.dataset['lang']) ? root.dataset['lang'] : 'en';
  const s = QUIZ_STRINGS[lang];
  const sets = JSON.parse(root.dataset['sets'] ?? '{}') as Record<string, string[]>;
  const titles = JSON.parse(root.dataset['setTitles'] ?? '{}') as Record<string, string>;
  const forms = [...root.querySelectorAll<HTMLFormElement>('form[data-question]')];
  const ids = forms.map((f) => f.dataset['question'] ?? '');
  const notice = part<HTMLElement>(root, 'notice');
  const {
    store,
    notice: loaded,
    revised,
  } = state(JSON.parse(root.dataset['revisions'] ?? '{}') as Record<string, number>);
  const noticeText = {
    corrupt: s.corruptNotice,
    foreign: s.foreignNotice,
    migrated: s.migratedNotice,
    fresh: '',
    loaded: '',
  }[loaded];
  const parts = [noticeText, revised ? s.revisedNotice : '', store.persistent ? s.storedNotice : s.noStorage];
  if (notice) notice.textContent = parts.filter(Boolean).join(' ');
  root.dataset['storage'] = store.persistent ? 'local' : 'memory';
  part<HTMLElement>(root, 'static-note')?.setAttribute('hidden', '');

  for (const form of forms) {
    const key = JSON.parse(form.dataset['key'] ?? '{}') as AnswerKey;
    const id = form.dataset['question'] ?? '';
    const revision = Number(form.dataset['revision'] ?? '1');
    form.querySelectorAll<HTMLInputElement | HTMLButtonElement>('input, button').forEach((el) => (el.disabled = false));
    part<HTMLDetailsElement>(form, 'answer')?.setAttribute('hidden', '');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const response = responseOf(form, key);
      const verdict = grade(key, response);
      if (verdict === 'invalid') {
        const feedback = part<HTMLElement>(form, 'feedback');
        if (feedback) feedback.textContent = key.kind === 'numeric' ? s.invalidNumber : s.invalidChoice;
        form.dataset['verdict'] = 'invalid';
        return;
      }
      const given = response.kind === 'numeric' ? response.raw.trim() : response.selected;
      commit(withAnswer(state().progress, id, { given, correct: verdict === 'correct', revision }));
    });
  }
  part<HTMLButtonElement>(root, 'retry')?.addEventListener('click', () => {
    commit(withRetry(state().progress, ids));
    if (notice) notice.textContent = s.retried;
    forms[0]?.querySelector<HTMLInputElement>('input')?.focus();
  });
  part<HTMLButtonElement>(root, 'reset')?.addEventListener('click', () => {
    const st = state();
    st.store.clear();
    st.progress = emptyProgress(st.progress.seed + 1);
    document.dispatchEvent(new CustomEvent(CHANGED));
    if (notice) notice.textContent = s.resetDone;
  });
  root.querySelectorAll<HTMLButtonElement>('.quiz-summary button').forEach((b) => (b.disabled = false));

  const render = () => {
    const { progress } = state();
    for (const form of forms) renderQuestion(form, progress, s);
    const results = Object.fromEntries(Object.entries(progress.answers).map(([k, v]) => [k, v.correct]));
    const line = (template: string, sc: Score) =>
      fill(template, { correct: sc.correct, total: sc.total, answered: sc.answered });
    const scoreEl = part<HTMLElement>(root, 'score');
    const setScore = score(ids, results);
    if (scoreEl) {
      scoreEl.textContent = line(s.scoreSet, setScore);
      Object.assign(scoreEl.dataset, {
        correct: String(setScore.correct),
        answered: String(setScore.answered),
        total: String(setScore.total),
      });
    }
    const bySet = Object.entries(sets).map(([name, setIds]) => [name, score(setIds, results)] as const);
    const overall = part<HTMLElement>(root, 'overall');
    if (overall) overall.textContent = line(s.scoreOverall, totalScore(bySet.map(([, sc]) => sc)));
    const table = part<HTMLElement>(root, 'by-chapter');
    if (table) table.replaceChildren(scoreTable(bySet, titles, s));
  };
  document.addEventListener(CHANGED, render);
  render();
  root.dataset['state'] = 'ready';
}

function renderQuestion(form: HTMLFormElement, progress: Progress, s: (typeof QUIZ_STRINGS)['en']): void {
  const id = form.dataset['question'] ?? '';
  const saved = progress.answers[id];
  // Redraw only what changed, so the live region announces the question just answered and not every other one.
  const signature = JSON.stringify([progress.seed, saved ?? null]);
  if (form.dataset['rendered'] === signature) return;
  form.dataset['rendered'] = signature;
  const key = JSON.parse(form.dataset['key'] ?? '{}') as AnswerKey;
  const options = part<HTMLElement>(form, 'options');
  if (options) {
    const labels = [...options.querySelectorAll<HTMLElement>('.quiz-option')];
    const byId = new Map(labels.map((l) => [l.dataset['option'] ?? '', l]));
    const order =
      progress.seed === 0
        ? labels
        : shuffleBySeed([...byId.keys()].sort(), `${progress.seed}:${id.split(':')[1] ?? id}`).map((o) => byId.get(o)!);
    options.replaceChildren(...order);
  }
  const feedback = part<HTMLElement>(form, 'feedback');
  for (const label of form.querySelectorAll<HTMLElement>('.quiz-option')) {
    const input = label.querySelector<HTMLInputElement>('input');
    const option = label.dataset['option'] ?? '';
    const chosen = Array.isArray(saved?.given) && saved.given.includes(option);
    if (input) input.checked = saved ? chosen : false;
    const isKey = key.kind !== 'numeric' && key.answer.includes(option);
    const marks = saved ? [chosen ? s.yourChoice : '', isKey ? s.rightAnswer : ''].filter(Boolean) : [];
    label.dataset['mark'] = saved ? (isKey ? 'key' : chosen ? 'wrong' : '') : '';
    const mark = part<HTMLElement>(label, 'mark');
    if (mark) mark.textContent = marks.length ? `(${marks.join(', ')})` : '';
  }
  const value = form.querySelector<HTMLInputElement>('input[name="value"]');
  if (value) value.value = typeof saved?.given === 'string' ? saved.given : '';
  if (!saved) {
    delete form.dataset['verdict'];
    if (feedback) feedback.replaceChildren();
    return;
  }
  form.dataset['verdict'] = saved.correct ? 'correct' : 'incorrect';
  if (!feedback) return;
  const verdict = document.createElement('p');
  verdict.className = 'quiz-verdict';
  verdict.textContent = saved.correct ? s.correct : s.incorrect;
  const explanation = part<HTMLElement>(form, 'explanation')?.cloneNode(true) as HTMLElement | undefined;
  explanation?.removeAttribute('data-quiz');
  explanation?.classList.add('quiz-explanation');
  feedback.replaceChildren(verdict, ...(explanation ? [explanation] : []));
}

function scoreTable(
  bySet: readonly (readonly [string, Score])[],
  titles: Record<string, string>,
  s: (typeof QUIZ_STRINGS)['en'],
): HTMLTableElement {
  const table = document.createElement('table');
  table.className = 'quiz-scores';
  table.createCaption().textContent = s.scoreTableCaption;
  const head = table.createTHead().insertRow();
  for (const text of [s.colChapter, s.colScore]) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = text;
    head.append(th);
  }
  const body = table.createTBody();
  for (const [name, sc] of bySet) {
    const row = body.insertRow();
    row.dataset['set'] = name;
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = titles[name] ?? name;
    row.append(th);
    row.insertCell().textContent = `${sc.correct} / ${sc.total}`;
  }
  return table;
}
