package org.djlnas.runtime.data;

/**
 * Kept only for the training tests another branch rewrites (TrainingEvaluatorTest,
 * TrainingStepTimingTest): they move to {@link org.djlnas.testing.TestEngine} and this class goes
 * when both branches are merged.
 */
public final class TestEngine {

    private TestEngine() {}

    /** Loads the engine with its defaults and returns its name. */
    public static String name() {
        return org.djlnas.testing.TestEngine.name();
    }
}
