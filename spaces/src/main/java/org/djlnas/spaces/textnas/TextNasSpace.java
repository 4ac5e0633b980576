package org.djlnas.spaces.textnas;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.cell.Cell;
import org.djlnas.api.cell.CellOutput;
import org.djlnas.api.settings.Settings;
import org.djlnas.api.space.Choice;
import org.djlnas.api.space.ChoiceTree;
import org.djlnas.api.space.ValueChoice;
import org.djlnas.api.supernet.ArchitectureWeights;
import org.djlnas.api.supernet.MixedOp;
import org.djlnas.api.supernet.OneShotSpace;
import org.djlnas.api.supernet.SearchCell;
import org.jspecify.annotations.Nullable;

/**
 * A text classification space in the spirit of TextNAS (Wang et al., AAAI 2020): token ids, as
 * floats {@code (N, L)}, are embedded as {@code (N, E, L)}; then {@code cells} cells of the same
 * searched kind, each with one input and {@code nodes} intermediate nodes fed by every predecessor,
 * every edge choosing among {@link SequenceOps#ALL} (convolutions over time of widths 1, 3, 5 and
 * 7, a GRU, max and average pooling over 3 steps, skip and zero); the last node is the cell's
 * output. The sequence is then pooled over time by its maximum and classified by a linear layer.
 *
 * <p>Labels: {@code embedding} (32, 64 or 128, unless the {@code embedding-size} setting fixes it)
 * and {@code cell/node<j>/from<i>}.
 *
 * <p>A one-shot search (DARTS) mixes every edge's operations; it cannot mix embedding sizes, so it
 * needs {@code embedding-size} set.
 */
public final class TextNasSpace implements OneShotSpace {

    /** The registry id. */
    public static final String ID = "textnas";

    /** The label of the embedding size choice. */
    public static final String EMBEDDING = "embedding";

    /** The embedding sizes searched when the setting does not fix one. */
    public static final List<Integer> EMBEDDING_SIZES = List.of(32, 64, 128);

    private final Settings settings;
    private final Cell cell;
    private final ChoiceTree choices;

    TextNasSpace(Settings settings) {
        this.settings = settings;
        this.cell =
                Cell.builder()
                        .setLabel("cell")
                        .setNodes(settings.getInt(TextNasProvider.NODES))
                        .setOperations(SequenceOps.ALL)
                        .optZeroOperation(SequenceOps.ZERO)
                        .optOutput(CellOutput.LAST_NODE)
                        .build();
        List<Choice> all = new ArrayList<>();
        if (fixedEmbedding() == 0) {
            all.add(ValueChoice.categorical(EMBEDDING, EMBEDDING_SIZES));
        }
        all.addAll(cell.choices());
        this.choices = new ChoiceTree(all);
    }

    private int fixedEmbedding() {
        return settings.getInt(TextNasProvider.EMBEDDING_SIZE);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public ChoiceTree choices() {
        return choices;
    }

    /**
     * Returns the searched cell.
     *
     * @return the cell
     */
    public Cell cell() {
        return cell;
    }

    @Override
    public Block compile(Architecture architecture) {
        Architecture arch = validate(architecture);
        int embedding = fixedEmbedding() > 0 ? fixedEmbedding() : (int) arch.getLong(EMBEDDING);
        return network(
                embedding,
                channels ->
                        cell.compile(
                                arch,
                                channels,
                                1,
                                (edge, stride) ->
                                        SequenceOps.create(edge.operation(), channels, true)));
    }

    @Override
    public List<SearchCell> searchCells() {
        return List.of(new SearchCell(cell, SequenceOps.ALL, SequenceOps.ZERO));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the embedding size is searched rather than set
     */
    @Override
    public Block superNet(ArchitectureWeights weights) {
        int embedding = fixedEmbedding();
        if (embedding == 0) {
            throw new IllegalArgumentException(
                    "space '"
                            + ID
                            + "': a one-shot search cannot mix embedding sizes; set "
                            + TextNasProvider.EMBEDDING_SIZE
                            + " (for example 64)");
        }
        return network(
                embedding,
                channels ->
                        cell.compileMixed(
                                channels,
                                1,
                                (label, stride) ->
                                        new MixedOp(label, weights, candidates(channels))));
    }

    private static List<@Nullable Block> candidates(int channels) {
        List<@Nullable Block> blocks = new ArrayList<>();
        for (String name : SequenceOps.ALL) {
            blocks.add(
                    name.equals(SequenceOps.ZERO)
                            ? null
                            : SequenceOps.create(name, channels, false));
        }
        return blocks;
    }

    private Block network(int embedding, IntFunction<Block> cellBuilder) {
        SequentialBlock network =
                new SequentialBlock()
                        .add(
                                new TokenEmbedding(
                                        settings.getInt(TextNasProvider.VOCABULARY_SIZE),
                                        embedding));
        for (int i = 0; i < settings.getInt(TextNasProvider.CELLS); i++) {
            network.add(cellBuilder.apply(embedding));
        }
        return network.add(
                        new LambdaBlock(
                                list -> new NDList(list.singletonOrThrow().max(new int[] {2})),
                                "maxOverTime"))
                .add(Linear.builder().setUnits(settings.getInt(TextNasProvider.CLASSES)).build());
    }
}
