/**
 * The interactive part of PriorSamples.astro, loaded with import() when the figure nears the viewport. It only wires:
 * the shared image measurement (image-measurement.ts) starts the worker on the pretrained model and estimates log p(x)
 * of the picked test digit; the sample sets live in -state, the texts and chart in -view, the drawing in -render.
 */
import { PRIOR_SAMPLES_STRINGS, fill } from '../../i18n/widgets/prior-samples';
import { mountMeasurement } from './measured-widget';
import { PRIOR_SAMPLES_PLAN as PLAN, SAMPLE_COUNT } from './pretrained-bounds';
import { priorSamples, type PretrainedVae } from './pretrained-vae';
import { SampleSets } from './prior-samples-state';
import { announcement } from './prior-samples-view';
import { createRenderer, findParts, labelSamples, paintSamples } from './prior-samples-render';

/** Starts the widget inside a server-rendered `figure[data-widget="prior-samples"]`. */
export function mount(figure: HTMLElement): void {
  const widget = {
    widget: 'prior-samples',
    plan: PLAN,
    strings: PRIOR_SAMPLES_STRINGS,
    findParts,
    createRenderer,
    announcement,
  };
  const { m, parts, s, p, request } = mountMeasurement(figure, widget);
  const sets = new SampleSets();

  /** Asks the worker for the next set of prior samples; an answer overtaken by a newer request is dropped. */
  async function newSamples(vae: PretrainedVae): Promise<void> {
    const set = sets.next();
    parts.measurement.status.textContent = fill(s.sampling, { count: SAMPLE_COUNT });
    try {
      if (!sets.arrive(set, await priorSamples(vae.worker, SAMPLE_COUNT, set))) return;
      paintSamples(parts, sets.latest());
      labelSamples(parts, s, set);
      request('status');
    } catch (error) {
      m.fail(p.requestFailed, error);
    }
  }

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
