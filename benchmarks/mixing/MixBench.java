import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.lang.management.ManagementFactory;

/**
 * The weighted sum of one mixed operation alone, in plain DJL: K=7 candidate outputs of shape
 * 64×16×14×14 (each a scaled copy of one input), summed with softmax(α) weights in the looped form
 * (a mul and an add per candidate), the stacked form (stack, one mul by K×1×1×1×1, one sum) and the
 * matrix-product form (stack, the 1×K weights times the K×M outputs), forward and backward; the
 * process's CPU time and the wall time per pass, forms alternating. A third argument lists the
 * forms, comma-separated.
 *
 * <pre>
 * MXNET_OMP_MAX_THREADS=1 OMP_WAIT_POLICY=PASSIVE ONEDNN_MAX_CPU_ISA=SSE41 \
 *     java -Dai.djl.offline=true -cp 'cli/target/lib/*' benchmarks/mixing/MixBench.java MXNet 40
 * </pre>
 */
public class MixBench {
    public static void main(String[] args) {
        String engine = args[0];
        int passes = Integer.parseInt(args[1]);
        int k = 7;
        Shape shape = new Shape(64, 16, 14, 14);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean();
        try (NDManager manager = Engine.getEngine(engine).newBaseManager()) {
            NDArray x = manager.randomUniform(0, 1, shape);
            x.setRequiresGradient(true);
            NDArray alpha = manager.randomNormal(new Shape(k + 1));
            alpha.setRequiresGradient(true);
            String[] forms =
                    args.length > 2 ? args[2].split(",") : new String[] {"looped", "stacked", "matrix-product"};
            for (int round = 0; round < 4; round++) {
                for (String form : forms) {
                    long cpu = os.getProcessCpuTime();
                    long wall = System.nanoTime();
                    for (int pass = 0; pass < passes; pass++) {
                        try (NDScope scope = new NDScope();
                                GradientCollector collector =
                                        Engine.getEngine(engine).newGradientCollector()) {
                            scope.suppressNotUsedWarning();
                            NDList outputs = new NDList();
                            for (int i = 0; i < k; i++) {
                                outputs.add(x.mul(1 + i * 0.1f));
                            }
                            NDArray mixing = alpha.softmax(0);
                            NDArray sum = null;
                            if (form.equals("looped")) {
                                for (int i = 0; i < k; i++) {
                                    NDArray weighted = outputs.get(i).mul(mixing.get(i));
                                    sum = sum == null ? weighted : sum.add(weighted);
                                }
                            } else if (form.equals("matrix-product")) {
                                NDArray indices = manager.create(new int[] {0, 1, 2, 3, 4, 5, 6});
                                NDArray row = mixing.take(manager, indices).reshape(1, k);
                                NDArray rows = NDArrays.stack(outputs).reshape(k, -1);
                                sum = row.matMul(rows).reshape(shape);
                            } else {
                                NDArray indices = manager.create(new int[] {0, 1, 2, 3, 4, 5, 6});
                                NDArray scales = mixing.take(manager, indices).reshape(k, 1, 1, 1, 1);
                                sum = NDArrays.stack(outputs).mul(scales).sum(new int[] {0});
                            }
                            collector.backward(sum.sum());
                            x.getGradient().toFloatArray();
                            alpha.getGradient().toFloatArray();
                        }
                    }
                    System.out.printf(
                            "%s %s, round %d: %.1f ms CPU, %.1f ms wall per pass%n",
                            engine,
                            form,
                            round + 1,
                            (os.getProcessCpuTime() - cpu) / 1e6 / passes,
                            (System.nanoTime() - wall) / 1e6 / passes);
                }
            }
        }
    }
}
