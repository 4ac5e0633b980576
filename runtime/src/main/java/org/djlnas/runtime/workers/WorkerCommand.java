package org.djlnas.runtime.workers;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The command line and environment of a worker process: this JVM's own java binary, class path and
 * options (so plug-ins, engines and system properties are the same), the engine's thread counts set
 * from the share of the cores one worker gets (unless this JVM was given them explicitly), then the
 * experiment's own worker JVM options, which win. Workers inherit the driver's environment ({@code
 * ONEDNN_MAX_CPU_ISA}, {@code OMP_WAIT_POLICY}, the malloc thresholds), with {@code
 * OMP_NUM_THREADS} set to the same share.
 *
 * @param java the java binary
 * @param classPath the class path
 * @param driverOptions this JVM's options, debugger agents left out
 * @param threads the threads one worker's engine uses
 * @param workerOptions the experiment's worker JVM options
 */
record WorkerCommand(
        String java,
        String classPath,
        List<String> driverOptions,
        int threads,
        List<String> workerOptions) {

    private static final String PYTORCH_THREADS = "-Dai.djl.pytorch.num_threads=";
    private static final String PYTORCH_INTEROP = "-Dai.djl.pytorch.num_interop_threads=";

    /** Copies the lists. */
    WorkerCommand {
        driverOptions = List.copyOf(driverOptions);
        workerOptions = List.copyOf(workerOptions);
    }

    /**
     * Describes the workers of this JVM.
     *
     * @param workers how many workers share the machine
     * @param workerOptions the experiment's worker JVM options
     * @return the command
     */
    static WorkerCommand of(int workers, List<String> workerOptions) {
        String java =
                ProcessHandle.current()
                        .info()
                        .command()
                        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> options =
                ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(option -> !option.startsWith("-agentlib:jdwp"))
                        .toList();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / workers);
        return new WorkerCommand(
                java, System.getProperty("java.class.path"), options, threads, workerOptions);
    }

    /**
     * Returns the worker's command line.
     *
     * @param folder the experiment folder, the worker's argument
     * @return the command line
     */
    List<String> commandLine(Path folder) {
        List<String> command = new ArrayList<>();
        command.add(java);
        // The share of the cores first, so that thread counts the driver was given explicitly
        // (later on the command line) win, and the experiment's worker options win over both.
        command.add(PYTORCH_THREADS + threads);
        command.add(PYTORCH_INTEROP + "1");
        command.addAll(driverOptions);
        command.addAll(workerOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(TrialWorker.class.getName());
        command.add(folder.toString());
        return command;
    }

    /**
     * Sets the worker's environment: the driver's, with OpenMP's threads set to the worker's share.
     *
     * @param environment the process builder's environment
     */
    void configure(Map<String, String> environment) {
        environment.put("OMP_NUM_THREADS", Integer.toString(threads));
    }

    /**
     * Checks that a JVM starts with the experiment's worker options, so that bad options stop a
     * search before anything is written.
     *
     * @throws IllegalArgumentException naming the field if no JVM starts with them
     */
    void checkOptions() {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(workerOptions);
        command.add("-version");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output =
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalArgumentException(
                        "`workerJvmOptions` " + workerOptions + " do not start a Java VM in 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalArgumentException(
                        "`workerJvmOptions` "
                                + workerOptions
                                + " do not start a Java VM: "
                                + firstLine(output)
                                + "; expected options of "
                                + java);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot start " + java + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the worker options", e);
        }
    }

    /**
     * Returns the first non-blank line of a text, or a note that it is empty.
     *
     * @param text the text
     * @return the line
     */
    static String firstLine(String text) {
        return text.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .findFirst()
                .orElse("(it printed nothing)");
    }
}
