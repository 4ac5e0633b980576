package org.djlnas.spaces.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import org.djlnas.api.op.OpContext;
import org.djlnas.api.op.OpFactory;
import org.djlnas.api.op.OperationProvider;

/**
 * The operations of the NAS-Bench-201 and DARTS spaces, under the names those benchmarks use. Every
 * operation keeps the channel count (its input must have {@code channels} channels) and applies the
 * context's stride.
 */
public final class StandardOperations implements OperationProvider {

    @Override
    public Map<String, OpFactory> operations() {
        Map<String, OpFactory> ops = new LinkedHashMap<>();
        ops.put("none", c -> new Zero(c.channels(), c.stride()));
        ops.put("skip_connect", StandardOperations::skip);
        ops.put(
                "nor_conv_1x1",
                c -> Layers.reluConvBn(c.channels(), 1, c.stride(), 0, 1, c.affine()));
        ops.put(
                "nor_conv_3x3",
                c -> Layers.reluConvBn(c.channels(), 3, c.stride(), 1, 1, c.affine()));
        ops.put("avg_pool_3x3", c -> new Pool2d(Pool2d.Kind.AVERAGE, 3, c.stride(), 1));
        ops.put("max_pool_3x3", c -> new Pool2d(Pool2d.Kind.MAX, 3, c.stride(), 1));
        ops.put("sep_conv_3x3", c -> Layers.sepConv(c.channels(), 3, c.stride(), c.affine()));
        ops.put("sep_conv_5x5", c -> Layers.sepConv(c.channels(), 5, c.stride(), c.affine()));
        ops.put("dil_conv_3x3", c -> Layers.dilConv(c.channels(), 3, c.stride(), 2, 2, c.affine()));
        ops.put("dil_conv_5x5", c -> Layers.dilConv(c.channels(), 5, c.stride(), 4, 2, c.affine()));
        return ops;
    }

    private static ai.djl.nn.Block skip(OpContext context) {
        return context.stride() == 1
                ? new Identity()
                : new FactorizedReduce(context.channels(), context.affine());
    }
}
