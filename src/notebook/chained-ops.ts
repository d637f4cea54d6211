/** Lets cells write `t.sum()`, `x.mul(2)`: tfjs-core's chained ops, registered only where cells run (sandbox, recorder). */
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
