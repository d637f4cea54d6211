// The chapter's four data points under the toy with b = 1, s = 0.5:
// log p(x⁽ⁱ⁾) per point and their sum ℓ(w).
const data = [3, -1, 0, 2];
const ell = (w: number) => data.reduce((sum, x) => sum + logEvidence({ w, b: 1, s: 0.5 }, x), 0);
const slopes = [2, 1.5, 0.5]; // add your own, e.g. 2.5 from Check 1
const grid = Array.from({ length: 61 }, (_, i) => ({ w: i * 0.05, ell: ell(i * 0.05) }));
display(
  Plot.plot({
    x: { label: 'w' },
    y: { label: 'ℓ(w), nats', domain: [-20, -7] },
    marks: [
      Plot.line(grid, { x: 'w', y: 'ell', clip: true }),
      Plot.dot(slopes.map((w) => ({ w, ell: ell(w) })), { x: 'w', y: 'ell' }),
    ],
  }),
);
slopes.map((w) => ({
  w,
  perPoint: data.map((x) => logEvidence({ w, b: 1, s: 0.5 }, x)),
  total: ell(w),
}))
