/** The lab's fixed choices: how often the worker reports, how much it shows, and what the β sweep runs. */

/** β values of the sweep: a factor of 2 apart from 0.25 to 8, so the rate–distortion curve is evenly covered. */
export const SWEEP_BETAS: readonly number[] = Object.freeze([0.25, 0.5, 1, 2, 4, 8]);
/** Fine-tuning steps per sweep run: enough on wasm (≈ 4 s per run) for the KL to settle near its new level. */
export const SWEEP_STEPS = 300;
/** Held-out images each sweep point is measured on. */
export const SWEEP_EVAL_COUNT = 500;
/** Steps between metrics events while training (≈ 10 per second on wasm): the page never redraws for every step. */
export const METRICS_EVERY = 5;
/** Steps between fresh reconstructions and samples while training. */
export const IMAGES_EVERY = 100;
/** Steps between re-encoding the test set for the latent map and the active-unit count. */
export const LATENTS_EVERY = 250;
/** Test images on the latent map. */
export const LATENT_POINTS = 1000;
/** Side of the decoded manifold grid (latent size 2). */
export const GRID_SIDE = 15;
/** Images in the reconstruction and sample rows. */
export const PREVIEW_COUNT = 8;
/** Held-out images of each periodic evaluation: the engine config's evalSize (settings.ts toVaeConfig). */
export const HELD_OUT_COUNT = 500;
/** The one IndexedDB key for the reader's saved model, shared by every chapter's lab. */
export const SAVED_MODEL_KEY = 'vae-lab';
/** Minimum milliseconds between redraws of one chart while training: two redraws a second look live and keep the page's paint work small. */
export const CHART_INTERVAL_MS = 500;
/** Milliseconds between checks of the worker's tensor count while training. */
export const MEMORY_EVERY_MS = 5000;
