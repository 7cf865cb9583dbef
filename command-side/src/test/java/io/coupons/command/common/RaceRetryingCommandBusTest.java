package io.coupons.command.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/** Which failures are a lost race, worth handling the command again. */
class RaceRetryingCommandBusTest {

    @Test
    void aUniqueKeyLostToAnotherWriterIsALostRace() {
        assertThat(RaceRetryingCommandBus.lostRace(new ConcurrencyException("seq 3 taken"))).isNotNull();
        assertThat(RaceRetryingCommandBus.lostRace(new AggregateStreamCreationException("seq 0 taken"))).isNotNull();
        assertThat(RaceRetryingCommandBus.lostRace(new IllegalStateException("wrapped",
                new DuplicateKeyException("generation_batch_number_uk")))).isNotNull();
    }

    @Test
    void refusalsAndOtherFaultsAreNot() {
        assertThat(RaceRetryingCommandBus.lostRace(CommandRejectedException.conflict("X", "no"))).isNull();
        assertThat(RaceRetryingCommandBus.lostRace(new CommandExecutionException("failed", null))).isNull();
        assertThat(RaceRetryingCommandBus.lostRace(new DataIntegrityViolationException("check constraint"))).isNull();
        assertThat(RaceRetryingCommandBus.lostRace(new IllegalStateException("bug"))).isNull();
    }
}
