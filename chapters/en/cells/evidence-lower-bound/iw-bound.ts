// One MNIST test image, binarized once with this cell's generator: the
// pretrained model was trained on binary digits.
const { test } = await loadMnist();
const model = await loadPretrained('mnist-z16');
const index = 0; // try another test image
const grey = test.images.slice(index * 784, (index + 1) * 784);
const image = grey.map((p) => (rng.uniform() < p ? 1 : 0));
display(image);
// 500 copies of the image, one draw z_k ~ q(z|x) each: with K = 1, each row's
// bound is one log weight log w_k.
const draws = 500;
const copies = new Float32Array(draws * 784);
for (let k = 0; k < draws; k++) copies.set(image, k * 784);
const logWeights = importanceWeightedBound(model, copies, draws, 1, rng);
// L_K is the log of the mean of K weights (logMeanExp), averaged here over the
// 500 / K disjoint groups of K draws.
const averageBound = (k: number) => {
  let sum = 0;
  for (let group = 0; group < draws / k; group++) {
    sum += logMeanExp(logWeights.subarray(group * k, (group + 1) * k));
  }
  return sum / (draws / k);
};
const bounds = [1, 5, 50, 500].map((k) => ({ k, bound: averageBound(k) }));
display(
  Plot.plot({
    marginLeft: 50,
    x: { type: 'log', label: 'K' },
    y: { label: 'L_K, nats' },
    marks: [Plot.line(bounds, { x: 'k', y: 'bound' }), Plot.dot(bounds, { x: 'k', y: 'bound' })],
  }),
);
bounds
