package org.djlnas.api.exec;

/**
 * Makes trial executors that live outside the runtime, found with {@link
 * org.djlnas.api.plugin.Discovery} (for example {@code spark}, in its own module), so that the
 * runtime and the command line need no compile-time dependency on them.
 */
public interface TrialExecutorProvider {

    /**
     * Returns the executor's id, the value of the configuration's {@code executor} field.
     *
     * @return the kebab-case id
     */
    String id();

    /**
     * Checks a request before anything is written (for example that the cluster can be reached).
     *
     * @param request what the executor would be made for
     * @throws IllegalArgumentException naming the configuration field that is wrong
     */
    void check(ExecutorRequest request);

    /**
     * Makes an executor.
     *
     * @param request what the executor is made for
     * @return the executor, which the caller closes
     * @throws IllegalArgumentException naming the configuration field that is wrong
     */
    TrialExecutor create(ExecutorRequest request);
}
