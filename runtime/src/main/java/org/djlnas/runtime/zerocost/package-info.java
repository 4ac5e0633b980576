/**
 * Zero-cost proxies: scores of an untrained network that predict how well it will train (synflow,
 * snip, grad-norm, jacov, naswot, params, flops), the {@code zero-cost} evaluator that reports
 * them, and the prefilter that lets any strategy train only the best-scored of several candidates.
 */
@NullMarked
package org.djlnas.runtime.zerocost;

import org.jspecify.annotations.NullMarked;
