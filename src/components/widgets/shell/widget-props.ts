/** The props every widget shares, and the texts its figure (WidgetFigure.astro) shows. */
import type { Lang } from '../../../i18n/langs';

/** What a chapter passes a widget: the page's language and, for a second instance on one page, an id prefix. */
export interface WidgetProps {
  readonly lang: Lang;
  /** Prefix for element ids, for a second instance on one page. */
  readonly id?: string;
}

/** The figure's title, the note shown without JavaScript, and the status texts while the client loads or fails. */
export interface WidgetTexts {
  readonly title: string;
  readonly noJs: string;
  readonly loading: string;
  readonly loadFailed: string;
}
