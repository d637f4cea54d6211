// β 选中的点，以及穿过它的直线 D + βR = 常数：
// 斜率为 −β，正好在这一点与前沿相切。
const touch = atBeta.distortion + beta * atBeta.rate;
const ends = [atBeta.rate - 0.5, atBeta.rate + 0.5];
const segment = ends.map((rate) => ({ rate, distortion: touch - beta * rate }));
Plot.plot({
  x: { label: 'R, nats' },
  y: { label: 'D, nats' },
  marks: [
    Plot.line(frontier, { x: 'rate', y: 'distortion' }),
    Plot.line(segment, { x: 'rate', y: 'distortion', stroke: 'orange' }),
    Plot.dot([atBeta], { x: 'rate', y: 'distortion', r: 5, fill: 'orange' }),
  ],
})
