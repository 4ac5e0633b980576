package org.djlnas.spark;

import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.djlnas.api.exec.ExecutorRequest;
import org.djlnas.api.exec.TrialExecutor;
import org.djlnas.api.exec.TrialExecutorProvider;

/**
 * The {@code spark} executor, found on the class path: trials run as Spark tasks. The master is the
 * request's, else {@code spark.master} (as {@code spark-submit} sets it), else {@code
 * local[parallel]}. A Spark context already running in this JVM (a Java program's own {@code
 * SparkSession}) is used as it is and left running; otherwise one is started for the search and
 * stopped with it.
 */
public final class SparkExecutorProvider implements TrialExecutorProvider {

    /** The executor's id. */
    public static final String ID = "spark";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void check(ExecutorRequest request) {
        request.master().ifPresent(SparkMaster::check);
    }

    @Override
    public TrialExecutor create(ExecutorRequest request) {
        check(request);
        Optional<SparkContext> running = SparkContexts.active();
        if (running.isPresent()) {
            return new SparkTrialExecutor(
                    running.get(), request.parallelism(), request.configJson(), request.folder());
        }
        SparkConf conf = SparkSettings.conf(request);
        return new SparkTrialExecutor(
                new SparkContext(conf),
                true,
                request.parallelism(),
                request.configJson(),
                request.folder());
    }
}
