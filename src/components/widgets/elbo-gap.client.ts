/**
 * The interactive part of ElboGap.astro, loaded with import() when the figure nears the viewport. It only wires: the
 * shared image measurement (image-measurement.ts) sends the plan's bound requests for the picked test image (a new
 * pick cancels the rest); the texts and chart come from -view, the drawing from -render, once per frame.
 */
import { ELBO_GAP_STRINGS } from '../../i18n/widgets/elbo-gap';
import { PRETRAINED_STRINGS } from '../../i18n/widgets/pretrained';
import { createImageMeasurement, type MeasurementPart } from './image-measurement';
import { ELBO_GAP_PLAN as PLAN } from './pretrained-bounds';
import { announcement } from './elbo-gap-view';
import { createRenderer, findParts } from './elbo-gap-render';
import { frameScheduler, langOf, politeAnnouncer, watchWidth } from './kit';

/** Starts the widget inside a server-rendered `figure[data-widget="elbo-gap"]`. */
export function mount(figure: HTMLElement): void {
  const lang = langOf(figure);
  const s = ELBO_GAP_STRINGS[lang];
  const p = PRETRAINED_STRINGS[lang];
  const parts = findParts(figure);
  const announce = politeAnnouncer(parts.announce);
  const m = createImageMeasurement({
    figure,
    widget: 'elbo-gap',
    plan: PLAN,
    p,
    templates: { computing: s.computing, computed: s.computed },
    ...parts.measurement,
    request: (...asked) => scheduler.request(...asked),
    onMeasured: (final, image) => announce(announcement(s, final, image)),
  });
  const scheduler = frameScheduler<MeasurementPart>(createRenderer(parts, s, p, m));
  watchWidth(parts.plots, () => scheduler.request('chart'));
  parts.staticNote.hidden = true;
  m.start(
    () => {
      parts.controls.disabled = false;
    },
    () => {},
  );
}
