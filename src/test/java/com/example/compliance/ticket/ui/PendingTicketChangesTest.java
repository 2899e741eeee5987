package com.example.compliance.ticket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.ticket.TicketsChanged;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PendingTicketChangesTest {

    private final UUID user = UUID.randomUUID();
    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();

    @Test
    void a_burst_queues_one_refresh_that_reads_the_named_tickets_of_every_change() {
        var pending = new PendingTicketChanges();
        assertThat(pending.note(new TicketsChanged(user, Set.of(a), false))).isTrue();
        assertThat(pending.note(new TicketsChanged(user, Set.of(b), false))).as("already queued").isFalse();

        var taken = pending.take();

        assertThat(taken.all()).isFalse();
        assertThat(taken.ticketIds()).containsExactlyInAnyOrder(a, b);
        assertThat(pending.take().ticketIds()).as("taken once").isEmpty();
    }

    @Test
    void a_change_that_names_no_tickets_reads_everything() {
        var pending = new PendingTicketChanges();
        pending.note(new TicketsChanged(user, Set.of(a), false));
        pending.note(new TicketsChanged(user));

        var taken = pending.take();

        assertThat(taken.all()).isTrue();
        assertThat(taken.ticketIds()).isEmpty();
        assertThat(pending.take().all()).isFalse();
    }

    @Test
    void a_change_noted_after_the_refresh_took_what_was_pending_queues_the_next() {
        var pending = new PendingTicketChanges();
        pending.note(new TicketsChanged(user, Set.of(a), false));
        pending.take();

        assertThat(pending.note(new TicketsChanged(user, Set.of(b), false))).isTrue();
        assertThat(pending.take().ticketIds()).containsExactly(b);
    }
}
