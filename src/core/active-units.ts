/** The activity threshold of Burda et al. (2016), in a module without tfjs so the page can use it as the worker does. */

/** Unit u is active if Cov_x(E_q[z_u]) > 10⁻²: the one threshold for `activeUnits` and the lab's KL chart. */
export const ACTIVE_UNIT_THRESHOLD = 1e-2;
