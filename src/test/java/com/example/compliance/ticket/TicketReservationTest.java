package com.example.compliance.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.security.BackgroundUser;
import com.example.compliance.ticket.internal.TicketWriter;
import com.example.compliance.violation.ViolationDetails;
import com.example.compliance.violation.ViolationService;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bulk chunks reserve their tickets in one transaction; two racing requests must still reserve each violation once. */
class TicketReservationTest extends TicketTestSupport {

    @Autowired TicketWriter writer;
    @Autowired ViolationService violations;
    @Autowired BackgroundUser backgroundUser;
    @Autowired JdbcTemplate jdbc;

    @RepeatedTest(3)
    void two_chunks_racing_for_the_same_violations_reserve_each_exactly_once() throws Exception {
        var user = connectedAnalyst("race-" + UUID.randomUUID().toString().substring(0, 8));
        UUID userId = users.idOf(user.username());
        var created = caseWith(user, 50, "Race");
        List<ViolationDetails> chunk = backgroundUser.runAs(userId, () -> violations.findAllById(
                created.violationIds().stream().map(UUID::fromString).toList()));
        // Half of them were reserved earlier, one at a time (a single create, say)
        chunk.subList(0, 25).forEach(v -> writer.reserve(v, "race-site", "https://race.example", userId, "COMP"));

        var start = new CyclicBarrier(2);
        var results = new ArrayList<Future<List<TicketWriter.Reservation>>>();
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return writer.reserveAll(chunk, "race-site", "https://race.example", userId, "COMP");
                }));
            }
        }

        var fresh = new ArrayList<UUID>();
        for (var result : results) {
            var reservations = result.get();
            assertThat(reservations).hasSize(50);
            reservations.stream().filter(TicketWriter.Reservation::fresh).forEach(r -> fresh.add(r.ticket().getViolationId()));
        }
        // The 25 left over are fresh in exactly one of the two chunks; the other sees that reservation
        assertThat(fresh).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                chunk.subList(25, 50).stream().map(ViolationDetails::id).toList());
        assertThat(jdbc.queryForObject("select count(*) from ticket where cloud_id = 'race-site' and violation_id in ("
                + String.join(",", chunk.stream().map(v -> "'" + v.id() + "'").toList()) + ")", Integer.class))
                .isEqualTo(50);
    }
}
