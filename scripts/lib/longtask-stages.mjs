/** The stages of the lab's start, from the texts its status line showed: where the time from the scroll to "ready" went. */

/** The final stage's name: the figure's data-state turned ready (or failed). */
export const READY = 'state ready';

/** A status text's stage: the words before its figures ("Downloading MNIST digits: 0.3 MB of 7.9 MB" → "Downloading MNIST digits"). */
export function stageOf(text) {
  const head = text.split(/[:：…]/)[0].trim();
  return head || text.trim();
}

/**
 * Merges the status texts seen (`{ text, ms }`, ms from the scroll, in order) into stages, each with when it began and
 * how long it lasted until the next one; the last lasts until `readyMs` (the lab's ready state, polled every 20 ms, so
 * its own ready message shows as a stage just before), where a final stage marks the state.
 */
export function startStages(seen, readyMs) {
  const stages = [];
  for (const { text, ms } of seen) {
    const stage = stageOf(text);
    if (stages.at(-1)?.stage !== stage) stages.push({ stage, atMs: ms });
  }
  const until = stages.filter((s) => s.atMs <= readyMs);
  return [
    ...until.map((s, i) => ({
      ...s,
      ms: Math.round((i + 1 < until.length ? until[i + 1].atMs : readyMs) - s.atMs),
    })),
    { stage: READY, atMs: Math.round(readyMs), ms: 0 },
  ];
}

/** The stages in one line: each one's start and length, then when the lab was ready. */
export function stagesLine(stages) {
  return stages
    .map((s) => (s.stage === READY ? `${READY} at ${s.atMs} ms` : `${s.stage} at ${s.atMs} ms (${s.ms} ms)`))
    .join(' → ');
}
