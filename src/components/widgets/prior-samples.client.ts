/**
 * The interactive part of PriorSamples.astro, loaded with import() when the figure nears the viewport. It only wires:
 * the shared image measurement (image-measurement.ts) starts the worker on the pretrained model and estimates log p(x)
 * of the picked test digit; the sample sets live in -state, the texts and chart in -view, the drawing in -render.
 */
import { PRETRAINED_STRINGS } from '../../i18n/widgets/pretrained';
import { PRIOR_SAMPLES_STRINGS, fill } from '../../i18n/widgets/prior-samples';
import { createImageMeasurement, type MeasurementPart } from './image-measurement';
import { PRIOR_SAMPLES_PLAN as PLAN, SAMPLE_COUNT } from './pretrained-bounds';
import { priorSamples, type PretrainedVae } from './pretrained-vae';
import { SampleSets } from './prior-samples-state';
import { announcement } from './prior-samples-view';
import { createRenderer, findParts, labelSamples, paintSamples } from './prior-samples-render';
import { frameScheduler, langOf, politeAnnouncer, watchWidth } from './kit';

/** Starts the widget inside a server-rendered `figure[data-widget="prior-samples"]`. */
export function mount(figure: HTMLElement): void {
  const lang = langOf(figure);
  const s = PRIOR_SAMPLES_STRINGS[lang];
  const p = PRETRAINED_STRINGS[lang];
  const parts = findParts(figure);
  const announce = politeAnnouncer(parts.announce);
  const sets = new SampleSets();
  const m = createImageMeasurement({
    figure,
    widget: 'prior-samples',
    plan: PLAN,
    p,
    templates: { computing: s.computing, computed: s.computed },
    ...parts.measurement,
    request: (...asked) => scheduler.request(...asked),
    onMeasured: (final, image) => announce(announcement(s, final, image)),
  });
  const scheduler = frameScheduler<MeasurementPart>(createRenderer(parts, s, p, m));

  /** Asks the worker for the next set of prior samples; an answer overtaken by a newer request is dropped. */
  async function newSamples(vae: PretrainedVae): Promise<void> {
    const set = sets.next();
    parts.measurement.status.textContent = fill(s.sampling, { count: SAMPLE_COUNT });
    try {
      if (!sets.arrive(set, await priorSamples(vae.worker, SAMPLE_COUNT, set))) return;
      paintSamples(parts, sets.latest());
      labelSamples(parts, s, set);
      scheduler.request('status');
    } catch (error) {
      m.fail(p.requestFailed, error);
    }
  }

  watchWidth(parts.plots, () => scheduler.request('chart'));
  parts.staticNote.hidden = true;
  m.start(
    async (vae) => {
      parts.newSamples.addEventListener('click', () => void newSamples(vae));
      parts.sampleControls.disabled = false;
      parts.digitControls.disabled = false;
      await newSamples(vae);
    },
    () => paintSamples(parts, sets.latest()),
  );
}
