import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain DJL 0.36.0 + PyTorch, no djl-nas code: the gradient of {@code sum(x * 2.5)} with respect
 * to {@code x} should be exactly 2.5. Counts the iterations where it is not.
 *
 * <p>{@code java ScalarOperandRepro ITERATIONS OPERAND PRESSURE}: OPERAND {@code number} for
 * {@code x.mul(2.5f)}, {@code created} for {@code x.mul(manager.create(2.5f))} with the scalar closed
 * at once, {@code kept} for the same scalar kept open until after backward, {@code full} for
 * {@code x.mul(manager.full(new Shape(), 2.5f))} closed at once; PRESSURE {@code none}, {@code gc}
 * (System.gc() between forward and backward) or {@code gcfill} (and then allocating small direct
 * buffers holding NaN and small tensors holding 1e30).
 */
public final class ScalarOperandRepro {

    private static final float FACTOR = 2.5f;

    public static void main(String[] args) {
        int iterations = Integer.parseInt(args[0]);
        String operand = args[1];
        String pressure = args[2];
        int wrong = 0;
        int nonFinite = 0;
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            for (int i = 0; i < iterations; i++) {
                try (NDManager step = manager.newSubManager()) {
                    NDArray x = step.randomNormal(new Shape(64));
                    x.setRequiresGradient(true);
                    NDArray kept = operand.equals("kept") ? step.create(FACTOR) : null;
                    try (GradientCollector collector = step.getEngine().newGradientCollector()) {
                        NDArray y = multiply(step, x, operand, kept);
                        if (!pressure.equals("none")) {
                            System.gc();
                        }
                        if (pressure.equals("gcfill")) {
                            List<ByteBuffer> buffers = new ArrayList<>();
                            for (int k = 0; k < 64; k++) {
                                buffers.add(ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()).putFloat(0, Float.NaN));
                            }
                            for (int k = 0; k < 16; k++) {
                                step.full(new Shape(1), 1e30f);
                            }
                        }
                        collector.backward(y.sum());
                    }
                    boolean bad = false;
                    boolean infinite = false;
                    for (float g : x.getGradient().toFloatArray()) {
                        bad |= g != FACTOR;
                        infinite |= !Float.isFinite(g);
                    }
                    wrong += bad ? 1 : 0;
                    nonFinite += infinite ? 1 : 0;
                }
            }
        }
        System.out.printf(
                "operand=%-7s pressure=%-6s ONEDNN_MAX_CPU_ISA=%-6s iterations=%d wrong=%d non-finite=%d%n",
                operand, pressure, System.getenv("ONEDNN_MAX_CPU_ISA"), iterations, wrong, nonFinite);
    }

    private static NDArray multiply(NDManager manager, NDArray x, String operand, NDArray kept) {
        switch (operand) {
            case "number":
                return x.mul(FACTOR);
            case "created":
                try (NDArray scalar = manager.create(FACTOR)) {
                    return x.mul(scalar);
                }
            case "kept":
                return x.mul(kept);
            case "full":
                try (NDArray scalar = manager.full(new Shape(), FACTOR)) {
                    return x.mul(scalar);
                }
            default:
                throw new IllegalArgumentException("operand is " + operand + "; expected number, created, kept or full");
        }
    }
}
