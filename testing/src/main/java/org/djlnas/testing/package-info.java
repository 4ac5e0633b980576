/**
 * Shared test fixtures and data requirements, used in test scope by every module (as DJL's {@code
 * testing} module): the engine tests run on, data sets that must be present, the built-in benchmark
 * tables, and the offline check every engine module runs.
 */
@NullMarked
package org.djlnas.testing;

import org.jspecify.annotations.NullMarked;
