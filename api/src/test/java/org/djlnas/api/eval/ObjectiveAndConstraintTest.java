package org.djlnas.api.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ObjectiveAndConstraintTest {

    @Test
    void readsObjectivesWithTheirJournaledMetricNames() {
        assertThat(Objective.parse("accuracy:max"))
                .isEqualTo(new Objective("accuracy", Direction.MAXIMIZE));
        assertThat(Objective.parse("latency-ms:min"))
                .isEqualTo(new Objective(Metrics.LATENCY_MS, Direction.MINIMIZE));
        assertThat(Objective.parse("latency-ms:min").toString()).isEqualTo("latencyMs:min");
        assertThat(Objective.parse("rmse:min").score(2.0)).isEqualTo(-2.0);
    }

    @Test
    void refusesAnObjectiveWithoutADirection() {
        assertThatThrownBy(() -> Objective.parse("accuracy"))
                .hasMessage("objective 'accuracy': expected METRIC:max or METRIC:min");
        assertThatThrownBy(() -> Objective.parse("accuracy:up"))
                .hasMessage("objective 'accuracy:up': the direction is 'up'; expected max or min");
    }

    @Test
    void readsConstraintsAndTellsWhichValuesKeepThem() {
        Constraint params = Constraint.parse("params<=200000");
        assertThat(params).isEqualTo(new Constraint("parameters", Constraint.Bound.AT_MOST, 2e5));
        assertThat(params.admits(200000)).isTrue();
        assertThat(params.admits(200001)).isFalse();
        assertThat(params.toString()).isEqualTo("parameters<=200000");
        Constraint accuracy = Constraint.parse("accuracy >= 0.8");
        assertThat(accuracy.admits(0.79)).isFalse();
        assertThat(accuracy.toString()).isEqualTo("accuracy>=0.8");
    }

    @Test
    void refusesAConstraintWithoutABoundOrANumber() {
        assertThatThrownBy(() -> Constraint.parse("params<200000"))
                .hasMessage("constraint 'params<200000': expected METRIC<=LIMIT or METRIC>=LIMIT");
        assertThatThrownBy(() -> Constraint.parse("params<=lots"))
                .hasMessage("constraint 'params<=lots': the limit 'lots' is not a number");
    }
}
