/**
 * Measurements of a compiled network that need no training: multiply-adds ({@link
 * org.djlnas.runtime.profile.MultiplyAdds}), inference latency on the experiment's engine and
 * device ({@link org.djlnas.runtime.profile.Latency}), an estimate of its memory ({@link
 * org.djlnas.runtime.profile.MemoryEstimate}), and {@link
 * org.djlnas.runtime.profile.NetworkProfiler}, which measures those a caller names. The definitions
 * are in {@code docs/metrics.md}.
 */
@NullMarked
package org.djlnas.runtime.profile;

import org.jspecify.annotations.NullMarked;
