/**
 * The VAE lab's client, loaded with import() when the figure nears the viewport: it owns the settings (mirrored in the
 * URL), talks to the training worker, and hands each event to the view that draws it. Nothing heavy runs here: the
 * worker trains, and the views redraw at most once per animation frame.
 */
import { isLang } from '../../../i18n/langs';
import { yieldToMain } from '../../../lib/when-near-viewport';
import { VAE_LAB_STRINGS, fill } from '../../../i18n/widgets/vae-lab';
import { bindControls } from './controls';
import { createChartViews } from './chart-views';
import { createImageViews } from './image-views';
import { createKeepPanel } from './keep';
import { createSweep } from './sweep';
import { createLabActions } from './lab-actions';
import { listenToPage, listenToWorker } from './lab-events';
import { createPhase, createSession } from './lab-state';
import { createLabContext, followPhase } from './render';
import { attachReaderLoss } from './reader-loss';
import { DEFAULT_LAB_SETTINGS, parsePreset, settingsFromQuery, type LabSettings } from './settings';

/** Starts the lab inside a server-rendered `figure[data-widget="vae-lab"]`; resolves once the model is asked for. */
export function mount(figure: HTMLElement): Promise<void> {
  const lang = isLang(figure.dataset['lang']) ? figure.dataset['lang'] : 'en';
  const s = VAE_LAB_STRINGS[lang];
  const defaults: LabSettings = { ...DEFAULT_LAB_SETTINGS, ...parsePreset(figure.dataset['preset']).settings };
  const fromUrl = settingsFromQuery(location.search, defaults, figure.dataset['id'] ?? 'lab');
  const phase = createPhase('loading');
  const session = createSession();
  const ctx = createLabContext(figure, lang, s, phase, fromUrl.settings, (message) =>
    actions.fail(fill(s.workerFailed, { message })),
  );
  const rejected = fromUrl.rejected.map(({ field, raw }) =>
    fill(s.urlRejected, { field, raw, value: String(defaults[field as keyof LabSettings]) }),
  );
  if (rejected.length) ctx.warn(rejected.join(' '));

  const charts = createChartViews(ctx);
  const views = { charts, images: createImageViews(ctx, () => charts.klPerDim()) };
  const actions = createLabActions(ctx, views, session, defaults);
  const controls = bindControls(ctx, actions);
  followPhase(phase, figure, [controls, createSweep(ctx, charts)]);
  createKeepPanel(ctx, (saved) => actions.restart(saved.settings, saved.checkpoint));
  listenToWorker(ctx, views, session, actions);
  listenToPage(ctx, session, actions);
  // Chapter 6's loss cell trains this lab (reader-loss.ts); attached last, so its error wording comes after the lab's.
  attachReaderLoss(ctx, {
    train: actions.train,
    reset: () => {
      charts.clear();
      ctx.worker.send({ type: 'reset', seed: ctx.settings.seed });
    },
  });
  ctx.part('static-note').hidden = true;
  controls.sync();
  // The first restart (clearing every view, the checkpoint's download, the worker's start) gets a task of its own, so
  // building the views above and starting the model never add up to one long task.
  return yieldToMain().then(() => actions.restart(ctx.settings));
}
