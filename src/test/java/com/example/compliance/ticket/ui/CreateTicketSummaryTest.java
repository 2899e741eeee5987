package com.example.compliance.ticket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the create dialog says Create will do, for a whole case: the count matches what the bulk job creates. */
class CreateTicketSummaryTest {

    private static CreateTicketDialog.Target caseOf(long total, long withTicket, long notOpen, long notOpenWithTicket) {
        return new CreateTicketDialog.Target(List.of(), UUID.randomUUID(), "SOC 2 review", total, withTicket, notOpen,
                notOpenWithTicket);
    }

    @Test
    void closed_violations_are_left_out_of_the_count_and_named_as_skipped() {
        var target = caseOf(10, 0, 2, 0);

        assertThat(CreateTicketDialog.describe(target, false))
                .isEqualTo("Creates 8 tickets for case “SOC 2 review”; 2 closed violations (resolved, risk accepted or"
                        + " false positive) are skipped.");
        assertThat(target.toCreate(false)).isEqualTo(8);
    }

    @Test
    void including_closed_violations_counts_them_in() {
        var target = caseOf(10, 0, 2, 0);

        assertThat(CreateTicketDialog.describe(target, true))
                .isEqualTo("Creates 10 tickets for case “SOC 2 review”, including 2 for closed violations.");
        assertThat(target.toCreate(true)).isEqualTo(10);
    }

    @Test
    void a_closed_violation_with_a_ticket_is_skipped_either_way_and_counted_once() {
        // 12 violations: 3 with a ticket (1 of them closed), 2 closed in all
        var target = caseOf(12, 3, 2, 1);

        assertThat(CreateTicketDialog.describe(target, false)).isEqualTo("Creates 8 tickets for case “SOC 2 review”;"
                + " 2 closed violations (resolved, risk accepted or false positive) are skipped; 2 already have one.");
        assertThat(CreateTicketDialog.describe(target, true)).isEqualTo("Creates 9 tickets for case “SOC 2 review”,"
                + " including 1 for a closed violation; 3 already have one.");
        assertThat(target.closedWithoutTicket()).isEqualTo(1);
    }

    @Test
    void nothing_to_create_says_so() {
        var target = caseOf(3, 1, 2, 0);

        assertThat(CreateTicketDialog.describe(target, false)).isEqualTo("Creates no tickets for case “SOC 2 review”;"
                + " 2 closed violations (resolved, risk accepted or false positive) are skipped; 1 already has a ticket.");
    }
}
