package org.djlnas.examples.plugin;

import java.util.Map;
import org.djlnas.api.op.OpFactory;
import org.djlnas.api.op.OperationProvider;

/**
 * Contributes the {@code se_conv_3x3} operation: a 3×3 convolution, batch normalisation and ReLU
 * with squeeze-and-excitation ({@link SqueezeExcitationConv}, bottleneck a quarter as wide). Like
 * the built-in operations it outputs the context's channels at the context's stride, so every space
 * can use it wherever it uses a convolution.
 *
 * <p>Listed in {@code META-INF/services/org.djlnas.api.op.OperationProvider}.
 */
public final class ExampleOperations implements OperationProvider {

    /** The operation's name. */
    public static final String SE_CONV_3X3 = "se_conv_3x3";

    private static final int REDUCTION = 4;

    /** Creates the provider. */
    public ExampleOperations() {}

    @Override
    public Map<String, OpFactory> operations() {
        return Map.of(
                SE_CONV_3X3,
                context ->
                        new SqueezeExcitationConv(
                                context.channels(), context.stride(), context.affine(), REDUCTION));
    }
}
