/** The one place core imports tfjs-core, with gradients registered, so every module sees the same setup. */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';

export { tf };
