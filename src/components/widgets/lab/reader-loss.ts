/**
 * The lab's side of chapter 6's "Train the lab with this cell": the buttons by the loss cell (ReaderLoss.astro) send a
 * page event with the cell's code; the lab sends it to its worker (which compiles it in a locked-down scope), then
 * trains, and words every answer and failure in the reader's language at the buttons and in the lab's warning line.
 */
import { READER_LOSS_STRINGS, readerLossMessage } from '../../../i18n/widgets/reader-loss';
import { READER_LOSS_EVENT, type ReaderLossRequest } from '../reader-loss/event';
import type { LabContext } from './context';

/** Wires the page event to `ctx`'s worker; `train` starts the lab's own training loop, `reset` presses its Reset. */
export function attachReaderLoss(ctx: LabContext, actions: { train: () => void; reset: () => void }): void {
  const s = READER_LOSS_STRINGS[ctx.lang];
  let custom = false;
  let report: (text: string, failed: boolean) => void = () => {};
  const say = (text: string, failed: boolean) => {
    report(text, failed);
    ctx.warn(failed ? text : null);
    ctx.announce(text);
  };
  const use = async (request: ReaderLossRequest) => {
    report = request.report;
    if (request.action === 'book') {
      const answer = await ctx.worker.ask({ type: 'setObjective', code: null }, ['objective']);
      if (answer.type === 'error') return say(answer.message, true);
      custom = answer.custom;
      if (!custom) say(s.book, false);
      return;
    }
    report(s.compiling, false);
    if (ctx.phase === 'training') ctx.worker.send({ type: 'pause' });
    const answer = await ctx.worker.ask({ type: 'setObjective', code: request.code }, ['objective']);
    if (answer.type === 'error') {
      say(
        answer.code === 'reader-loss' && answer.problem
          ? readerLossMessage(ctx.lang, { ...answer, problem: answer.problem })
          : answer.message,
        true,
      );
      return;
    }
    custom = answer.custom;
    if (request.from === 'scratch') actions.reset();
    say(request.from === 'scratch' ? s.usingScratch : fillStep(s.using, ctx.step + 1), false);
    actions.train();
  };
  document.addEventListener(READER_LOSS_EVENT, (event) => {
    const detail = (event as CustomEvent<ReaderLossRequest>).detail;
    if (!detail || typeof detail.report !== 'function') return;
    event.preventDefault();
    void use(detail);
  });
  // Failures while training: registered after the lab's own listener, so the reader's wording replaces its generic one.
  ctx.worker.on('error', (event) => {
    if (event.id !== undefined) return;
    if (event.code === 'reader-loss' && event.problem)
      say(readerLossMessage(ctx.lang, { ...event, problem: event.problem }), true);
    else if (event.code === 'non-finite' && custom)
      say(readerLossMessage(ctx.lang, { nonFinite: true, step: event.step, restoredStep: event.restoredStep }), true);
  });
}

const fillStep = (template: string, step: number) => template.replace('{step}', String(step));
