package org.djlnas.runtime.training;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SplittableRandom;
import org.djlnas.api.eval.TrialFailedException;
import org.djlnas.api.trial.TrialSpec;

/**
 * Multi-fidelity continuation: a trial with a larger budget goes on from the checkpoint of the
 * trial that trained the same architecture with a smaller one, instead of starting afresh.
 */
final class Continuation {

    private Continuation() {}

    /**
     * Loads the parameters a continued trial saved into the model, before the trainer initialises
     * it (DJL then keeps loaded parameters instead of initialising them), after checking that they
     * are that architecture's and trained fewer epochs than {@code trial} asks for.
     *
     * @param model the fresh model of {@code trial}, its block set
     * @param trial the continuing trial
     * @param folder the folder the continued trial saved its parameters to
     * @return the epochs the continued trial trained
     * @throws TrialFailedException if the parameters do not load, belong to another architecture or
     *     trained as many epochs or more
     */
    static double load(Model model, TrialSpec trial, Path folder) throws TrialFailedException {
        int continues = trial.continues().orElseThrow();
        try {
            model.load(folder, TrainingEvaluator.MODEL_PREFIX);
        } catch (MalformedModelException | IOException e) {
            throw new TrialFailedException(
                    "cannot continue trial "
                            + continues
                            + ": its parameters in "
                            + folder
                            + " do not load ("
                            + e.getMessage()
                            + ")");
        }
        Optional<Checkpoint> checkpoint = Checkpoint.readFrom(model);
        if (checkpoint.isEmpty()
                || !trial.architecture().id().equals(checkpoint.get().architectureId())) {
            throw new TrialFailedException(
                    "cannot continue trial "
                            + continues
                            + ": the parameters in "
                            + folder
                            + " belong to architecture "
                            + checkpoint.map(Checkpoint::architectureId).orElse("unknown")
                            + ", not "
                            + trial.architecture().id());
        }
        double done = checkpoint.get().budget().epochs();
        if (!(done < trial.budget().epochs())) {
            throw new TrialFailedException(
                    "cannot continue trial "
                            + continues
                            + ": it trained "
                            + done
                            + " epochs, not fewer than this trial's "
                            + trial.budget().epochs());
        }
        return done;
    }

    /**
     * The data order of a trial that starts after {@code epochsDone} epochs: the trial's own seed
     * for a fresh trial, another seed drawn from it for each continuation point.
     *
     * @param trialSeed the trial's seed
     * @param epochsDone the epochs trained before the trial (0 for a fresh trial)
     * @return the seed of the order of training examples
     */
    static long dataSeed(long trialSeed, double epochsDone) {
        if (epochsDone == 0) {
            return trialSeed;
        }
        return new SplittableRandom(trialSeed ^ Double.doubleToLongBits(epochsDone)).nextLong();
    }
}
