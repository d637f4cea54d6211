/**
 * The interactive part of ElboGap.astro, loaded with import() when the figure nears the viewport. It only wires: the
 * shared image measurement (image-measurement.ts) sends the plan's bound requests for the picked test image (a new
 * pick cancels the rest); the texts and chart come from -view, the drawing from -render, once per frame.
 */
import { ELBO_GAP_STRINGS } from '../../i18n/widgets/elbo-gap';
import { mountMeasurement } from './measured-widget';
import { ELBO_GAP_PLAN as PLAN } from './pretrained-bounds';
import { announcement } from './elbo-gap-view';
import { createRenderer, findParts } from './elbo-gap-render';

/** Starts the widget inside a server-rendered `figure[data-widget="elbo-gap"]`. */
export function mount(figure: HTMLElement): void {
  const widget = { widget: 'elbo-gap', plan: PLAN, strings: ELBO_GAP_STRINGS, findParts, createRenderer, announcement };
  const { m, parts } = mountMeasurement(figure, widget);
  m.start(
    () => {
      parts.controls.disabled = false;
    },
    () => {},
  );
}
