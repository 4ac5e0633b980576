/**
 * A self-check of an engine's CPU kernels: {@link org.djlnas.runtime.kernels.KernelCheck} computes
 * forward outputs and gradients of the operators and small networks the search spaces use in single
 * precision and compares them with the same computation in double precision, which PyTorch runs
 * outside oneDNN; see {@code docs/engines.md}, "CPU kernels".
 */
@NullMarked
package org.djlnas.runtime.kernels;

import org.jspecify.annotations.NullMarked;
