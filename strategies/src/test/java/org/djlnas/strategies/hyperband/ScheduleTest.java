package org.djlnas.strategies.hyperband;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.djlnas.strategies.hyperband.Bracket.Rung;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void oneToNineEpochsWithEtaThreeHasThreeBrackets() {
        Schedule schedule = new Schedule(1, 9, 3);
        assertThat(schedule.sMax()).isEqualTo(2);
        assertThat(schedule.bracket(2).rungs())
                .containsExactly(new Rung(9, 1), new Rung(3, 3), new Rung(1, 9));
        assertThat(schedule.bracket(1).rungs()).containsExactly(new Rung(5, 3), new Rung(1, 9));
        assertThat(schedule.bracket(0).rungs()).containsExactly(new Rung(3, 9));
    }

    @Test
    void oneToTwentySevenEpochsWithEtaThreeHasFourBrackets() {
        Schedule schedule = new Schedule(1, 27, 3);
        assertThat(schedule.sMax()).isEqualTo(3);
        assertThat(schedule.bracket(3).rungs())
                .containsExactly(new Rung(27, 1), new Rung(9, 3), new Rung(3, 9), new Rung(1, 27));
        assertThat(schedule.bracket(2).rungs())
                .containsExactly(new Rung(12, 3), new Rung(4, 9), new Rung(1, 27));
        assertThat(schedule.bracket(1).rungs()).containsExactly(new Rung(6, 9), new Rung(2, 27));
        assertThat(schedule.bracket(0).rungs()).containsExactly(new Rung(4, 27));
    }

    @Test
    void equalBudgetsGiveOneBracketOfOneRungAndOneConfiguration() {
        Schedule schedule = new Schedule(1, 1, 3);
        assertThat(schedule.sMax()).isZero();
        assertThat(schedule.bracket(0).rungs()).containsExactly(new Rung(1, 1));
        assertThat(new Schedule(2.5, 2.5, 3).bracket(0).rungs()).containsExactly(new Rung(1, 2.5));
    }

    @Test
    void sMaxIsRobustToFloatingPointAndRoundsDown() {
        assertThat(new Schedule(0.1, 0.9, 3).sMax()).isEqualTo(2);
        assertThat(new Schedule(0.3, 8.1, 3).sMax()).isEqualTo(3);
        assertThat(new Schedule(1, 8.999, 3).sMax()).isEqualTo(1);
        assertThat(new Schedule(1, 26.99, 3).sMax()).isEqualTo(2);
        assertThat(new Schedule(1, 81, 3).sMax()).isEqualTo(4);
        assertThat(new Schedule(1, 100, 2).sMax()).isEqualTo(6);
        assertThat(new Schedule(1, 2, 3).sMax()).isZero();
    }

    @Test
    void budgetsThatAreNotWholeEpochsAreRoundedToMillionths() {
        Schedule schedule = new Schedule(1, 10, 3);
        assertThat(schedule.bracket(2).rungs())
                .extracting(Rung::epochs)
                .containsExactly(1.111111, 3.333333, 10.0);
        assertThat(new Schedule(0.1, 0.9, 3).bracket(2).rungs())
                .extracting(Rung::epochs)
                .containsExactly(0.1, 0.3, 0.9);
    }

    @Test
    void bracketsRunFromTheLargestDownAndStartAgain() {
        Schedule schedule = new Schedule(1, 9, 3);
        assertThat(List.of(0L, 1L, 2L, 3L, 4L, 7L))
                .extracting(k -> schedule.bracketNumber(k).s())
                .containsExactly(2, 1, 0, 2, 1, 1);
        assertThat(new Schedule(1, 1, 3).bracketNumber(5).s()).isZero();
    }

    @Test
    void badSettingsAreRejectedByName() {
        HyperbandProvider provider = new HyperbandProvider();
        assertThatThrownBy(
                        () ->
                                HyperbandFixtures.create(
                                        provider,
                                        HyperbandFixtures.tiny(),
                                        0,
                                        Map.of("min-epochs", "10", "max-epochs", "9")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "setting 'min-epochs' of strategy 'hyperband' is 10.0; expected at most"
                                + " max-epochs (9.0)");
        assertThatThrownBy(
                        () ->
                                HyperbandFixtures.create(
                                        provider, HyperbandFixtures.tiny(), 0, Map.of("eta", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'eta'")
                .hasMessageContaining("expected at least 2");
        assertThatThrownBy(
                        () ->
                                HyperbandFixtures.create(
                                        provider,
                                        HyperbandFixtures.tiny(),
                                        0,
                                        Map.of("min-epochs", "0.000001", "max-epochs", "100")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'max-epochs'")
                .hasMessageContaining("at most 1000000 times min-epochs");
        assertThatThrownBy(
                        () ->
                                HyperbandFixtures.create(
                                        provider,
                                        HyperbandFixtures.tiny(),
                                        0,
                                        Map.of("min-epochs", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'min-epochs'")
                .hasMessageContaining("expected at least 1.0E-6");
        assertThatThrownBy(
                        () ->
                                HyperbandFixtures.create(
                                        provider,
                                        HyperbandFixtures.tiny(),
                                        0,
                                        Map.of("epochs", "3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown setting 'epochs'")
                .hasMessageContaining("min-epochs (number, default 1.0)");
    }
}
