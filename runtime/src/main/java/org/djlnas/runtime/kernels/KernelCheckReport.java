package org.djlnas.runtime.kernels;

import java.util.List;
import java.util.Optional;

/**
 * What a {@link KernelCheck} found, case by case.
 *
 * @param engine the engine checked
 * @param engineVersion its version
 * @param instructionSetCap the oneDNN instruction-set cap in effect ({@code ONEDNN_MAX_CPU_ISA}),
 *     or {@code none (oneDNN picks)}
 * @param cases the cases, in the order they ran
 */
public record KernelCheckReport(
        String engine,
        String engineVersion,
        String instructionSetCap,
        List<KernelCaseResult> cases) {

    /** Copies the list. */
    public KernelCheckReport {
        cases = List.copyOf(cases);
    }

    /**
     * Returns whether every case passed.
     *
     * @return whether the kernels are correct on every case
     */
    public boolean passed() {
        return cases.stream().allMatch(KernelCaseResult::passed);
    }

    /**
     * Returns the first case that failed.
     *
     * @return the case, or empty if all passed
     */
    public Optional<KernelCaseResult> firstFailure() {
        return cases.stream().filter(c -> !c.passed()).findFirst();
    }
}
