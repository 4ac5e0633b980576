/**
 * Runs a search's trials on Apache Spark: each trial is one Spark job of one task, evaluated in an
 * executor JVM by the evaluator rebuilt there from the experiment's journaled configuration; the
 * driver alone writes the journal.
 */
@NullMarked
package org.djlnas.spark;

import org.jspecify.annotations.NullMarked;
