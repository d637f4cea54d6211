/** The β sweep button: short fine-tuning runs at several β in the worker, each landing as a point in the rate–distortion plane. */
import { fill } from '../../../i18n/widgets/vae-lab';
import type { LabContext } from './context';
import type { ChartViews } from './chart-views';
import { SWEEP_BETAS, SWEEP_EVAL_COUNT, SWEEP_STEPS } from './lab-constants';
import { formatBeta } from './numbers';

/** Wires the sweep button; `sync` (run on every phase change) enables it when a model is ready and relabels it while a sweep runs. */
export function createSweep(ctx: LabContext, charts: ChartViews): { sync(): void } {
  const { s } = ctx;
  const button = ctx.part<HTMLButtonElement>('sweep');
  let phaseBefore: LabContext['phase'] = 'paused';

  const finish = (text: string) => {
    ctx.setPhase(phaseBefore === 'training' ? 'paused' : phaseBefore);
    ctx.setStatus(text);
    ctx.announce(text);
  };

  button.addEventListener('click', () => {
    if (ctx.phase === 'sweeping') {
      ctx.worker.send({ type: 'cancelSweep' });
      return;
    }
    phaseBefore = ctx.phase;
    charts.clearSweep();
    ctx.setPhase('sweeping');
    ctx.setStatus(
      fill(s.stateSweep, {
        index: 1,
        total: SWEEP_BETAS.length,
        beta: formatBeta(SWEEP_BETAS[0] ?? 1),
        step: 0,
        steps: SWEEP_STEPS,
      }),
    );
    ctx.worker.send({ type: 'sweep', betas: [...SWEEP_BETAS], stepsPerRun: SWEEP_STEPS, evalCount: SWEEP_EVAL_COUNT });
  });

  ctx.worker.on('sweepProgress', ({ index, total, stepInRun, stepsPerRun }) => {
    const beta = SWEEP_BETAS[index] ?? Number.NaN;
    ctx.setStatus(
      fill(s.stateSweep, { index: index + 1, total, beta: formatBeta(beta), step: stepInRun, steps: stepsPerRun }),
    );
  });
  ctx.worker.on('sweepPoint', (point) => charts.onSweepPoint(point));
  ctx.worker.on('sweepDone', ({ completed, total, cancelled }) => {
    finish(cancelled ? fill(s.stateSweepCancelled, { completed, total }) : fill(s.stateSweepDone, { completed }));
  });

  const sync = () => {
    const sweeping = ctx.phase === 'sweeping';
    button.textContent = sweeping
      ? (button.dataset['cancelLabel'] ?? s.sweepCancel)
      : (button.dataset['runLabel'] ?? s.sweep);
    button.disabled = !sweeping && ctx.phase !== 'ready' && ctx.phase !== 'paused' && ctx.phase !== 'training';
  };
  return { sync };
}
