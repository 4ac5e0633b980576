/** Tabular benchmarks: scoring architectures by lookup. */
@NullMarked
package org.djlnas.runtime.benchmark;

import org.jspecify.annotations.NullMarked;
