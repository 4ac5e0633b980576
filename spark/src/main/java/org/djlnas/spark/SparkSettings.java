package org.djlnas.spark;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.djlnas.api.exec.ExecutorRequest;

/**
 * The Spark configuration of a context started for a search. It starts from {@code spark.*} system
 * properties (what {@code spark-submit} passes) and adds, where they are not set: the master, an
 * application name, one trial per executor core set ({@code spark.task.cpus} = {@code
 * spark.executor.cores}), and for the executors the environment the {@code nas} launcher gives the
 * driver (offline DJL, no telemetry, OpenMP threads, oneDNN's instruction set, glibc's malloc).
 */
final class SparkSettings {

    /** The launcher's environment, with its defaults, handed on to executors. */
    private static final Map<String, String> EXECUTOR_ENV =
            Map.of(
                    "DJL_OFFLINE", "true",
                    "OPT_OUT_TRACKING", "true",
                    "OMP_WAIT_POLICY", "PASSIVE",
                    "ONEDNN_MAX_CPU_ISA", "SSE41",
                    "MALLOC_MMAP_THRESHOLD_", "33554432",
                    "MALLOC_TRIM_THRESHOLD_", "4294967296",
                    "GLIBC_TUNABLES", "glibc.malloc.tcache_count=0:glibc.malloc.mxfast=0",
                    "MXNET_OMP_MAX_THREADS", "1");

    private SparkSettings() {}

    static SparkConf conf(ExecutorRequest request) {
        SparkConf conf = new SparkConf();
        request.master().ifPresent(conf::setMaster);
        conf.setIfMissing("spark.master", "local[" + request.parallelism() + "]");
        conf.setIfMissing("spark.app.name", "djl-nas " + request.folder().getFileName());
        return withDefaults(conf);
    }

    static SparkConf withDefaults(SparkConf conf) {
        String cores = conf.get("spark.executor.cores", "1");
        conf.setIfMissing("spark.task.cpus", cores);
        for (Map.Entry<String, String> variable : EXECUTOR_ENV.entrySet()) {
            String value = System.getenv(variable.getKey());
            conf.setIfMissing(
                    "spark.executorEnv." + variable.getKey(),
                    value == null ? variable.getValue() : value);
        }
        conf.setIfMissing("spark.executorEnv.OMP_NUM_THREADS", conf.get("spark.task.cpus"));
        return conf;
    }
}
