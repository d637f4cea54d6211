/** The class name each chart family gives Plot's <svg>; the CSP lists a hash of the <style> Plot writes for each (src/build/csp.mjs). */
export const PLOT_CLASSES = Object.freeze({
  elboGap: 'eg-plot',
  exactDecomposition: 'ed-plot',
  gradientRace: 'gr-plot',
  lab: 'lab-plot',
  marginalLikelihood: 'ml-plot',
  toyLikelihood: 'tl-plot',
});
