import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import java.lang.management.ManagementFactory;

/**
 * One depthwise convolution of each kind in the DARTS supernet (3×3, 5×5, and both dilated by 2)
 * on a 64×16×14×14 input, forward and backward (gradients of the input and the weights), in plain
 * DJL: the process's CPU time and the wall time per pass, kinds alternating, four rounds (the first
 * warms up). Run it with {@code DNNL_VERBOSE=1} to see which oneDNN implementation MXNet picks
 * (benchmarks/depthwise.sh does both).
 *
 * <pre>
 * java -Dai.djl.offline=true -cp 'cli/target/lib/*' benchmarks/depthwise/DepthwiseBench.java MXNet 20
 * </pre>
 */
public class DepthwiseBench {
    public static void main(String[] args) {
        String engine = args[0];
        int passes = Integer.parseInt(args[1]);
        int channels = 16;
        int[][] kinds = {{3, 1}, {5, 1}, {3, 2}, {5, 2}}; // kernel, dilation
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean();
        try (NDManager manager = Engine.getEngine(engine).newBaseManager()) {
            NDArray x = manager.randomUniform(-1, 1, new Shape(64, channels, 14, 14));
            x.setRequiresGradient(true);
            NDArray[] weights = new NDArray[kinds.length];
            for (int i = 0; i < kinds.length; i++) {
                int k = kinds[i][0];
                weights[i] = manager.randomUniform(-0.2f, 0.2f, new Shape(channels, 1, k, k));
                weights[i].setRequiresGradient(true);
            }
            for (int round = 0; round < 4; round++) {
                for (int i = 0; i < kinds.length; i++) {
                    int k = kinds[i][0];
                    int d = kinds[i][1];
                    int pad = d * (k - 1) / 2;
                    long cpu = os.getProcessCpuTime();
                    long wall = System.nanoTime();
                    for (int pass = 0; pass < passes; pass++) {
                        try (NDScope scope = new NDScope();
                                GradientCollector collector =
                                        Engine.getEngine(engine).newGradientCollector()) {
                            scope.suppressNotUsedWarning();
                            NDArray y =
                                    Conv2d.conv2d(
                                                    x,
                                                    weights[i],
                                                    null,
                                                    new Shape(1, 1),
                                                    new Shape(pad, pad),
                                                    new Shape(d, d),
                                                    channels)
                                            .singletonOrThrow();
                            collector.backward(y.sum());
                            x.getGradient().toFloatArray();
                            weights[i].getGradient().toFloatArray();
                        }
                    }
                    System.out.printf(
                            "%s %dx%d dilation %d, round %d: %.1f ms CPU, %.1f ms wall per pass%n",
                            engine, k, k, d, round + 1,
                            (os.getProcessCpuTime() - cpu) / 1e6 / passes,
                            (System.nanoTime() - wall) / 1e6 / passes);
                }
            }
        }
    }
}
