// 本章的四个数据点，玩具模型取 b = 1、s = 0.5：每个点的 log p(x⁽ⁱ⁾)，
// 以及它们的和 ℓ(w)。
const data = [3, -1, 0, 2];
const ell = (w: number) => data.reduce((sum, x) => sum + logEvidence({ w, b: 1, s: 0.5 }, x), 0);
const slopes = [2, 1.5, 0.5]; // 加上你自己的斜率，比如自测题 1 里的 2.5
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
