/** Plot writes a `<style>` into every chart it draws; the lab's charts drop it before they are placed. */

/**
 * Removes the `<style>` Observable Plot puts inside `chart`. Each redraw would otherwise add a style sheet to the page,
 * and a new sheet makes the browser re-check the style of the whole chapter (thousands of formulas) many times a second
 * while training. Its rules (block display, fluid width, `white-space: pre` in text) live in widgets.css and lab.css.
 */
export function dropPlotStyle<T extends Element>(chart: T): T {
  for (const style of chart.querySelectorAll(':scope > style')) style.remove();
  return chart;
}
