package org.djlnas.spark;

import java.util.Optional;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkContext$;
import scala.Option;

/** Finds the Spark context already running in this JVM, if any. */
final class SparkContexts {

    private SparkContexts() {}

    static Optional<SparkContext> active() {
        // Spark's own lookup; Scala gives it no static forwarder.
        Option<SparkContext> active = SparkContext$.MODULE$.getActive();
        return active.isDefined() ? Optional.of(active.get()) : Optional.empty();
    }
}
