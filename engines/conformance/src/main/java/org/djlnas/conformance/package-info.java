/**
 * The engine conformance suite: one set of JUnit tests that every engine module runs against its
 * engine ({@link org.djlnas.conformance.EngineConformanceSuite}), skipping what the engine declares
 * it cannot do.
 */
@NullMarked
package org.djlnas.conformance;

import org.jspecify.annotations.NullMarked;
