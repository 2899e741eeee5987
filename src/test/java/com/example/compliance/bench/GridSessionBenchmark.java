package com.example.compliance.bench;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.compliance.security.Role;
import com.example.compliance.support.KaribuTest;
import com.example.compliance.violation.AuditCaseService;
import com.example.compliance.violation.CreateCaseRequest;
import com.example.compliance.violation.SyntheticViolationGenerator;
import com.example.compliance.violation.ViolationDetails;
import com.example.compliance.violation.ui.ViolationListView;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.internal.ComponentTracker;
import com.vaadin.flow.data.provider.DataCommunicator;
import com.vaadin.flow.data.provider.KeyMapper;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code grid_session} of issue 7: the heap one violations-view UI session retains after a person has scrolled through
 * 50 pages of the grid. The view is driven with Karibu the way the browser drives it: the viewport moves page by page,
 * each round trip flushes the rows, and the client confirms each update, so the server may forget rows that scrolled
 * out of view. Retained heap = used heap after full GCs with the session held, minus the same before the view was
 * opened (Vaadin's empty session and UI are in the baseline).
 */
@Tag("bench")
class GridSessionBenchmark extends KaribuTest {

    private static final boolean QUICK = Boolean.getBoolean("bench.quick");
    private static final String ONLY = System.getProperty("bench.only", "");
    private static final int PAGES = 50;
    private static final int PAGE_SIZE = 50;

    @Autowired AuditCaseService cases;
    @Autowired SyntheticViolationGenerator generator;

    @Test
    void grid_session_heap() throws Exception {
        Assumptions.assumeTrue(ONLY.isEmpty() || ONLY.contains("grid_session"), "not selected by bench.only");
        loginAs("bench-session", Role.ANALYST);
        int rows = PAGES * PAGE_SIZE * 2;
        generator.insert(cases.create(new CreateCaseRequest("Bench session " + System.nanoTime(), "SOC 2", null)).id(), rows);

        productionModeComponentTracking();
        scrollThroughTheGrid(); // warm-up: classes, query plans and caches are not the session's
        var samples = new ArrayList<Long>();
        int rowsSent = 0;
        int rowsHeld = 0;
        for (int i = 0; i < (QUICK ? 3 : 7); i++) {
            restartVaadin();
            loginAs("bench-session", Role.ANALYST);
            long before = usedHeapAfterGc();
            UI ui = UI.getCurrent();
            var keys = scrollThroughTheGrid();
            long after = usedHeapAfterGc();
            Reference.reachabilityFence(ui);
            samples.add(after - before);
            rowsSent = keyCount(keys);
            rowsHeld = keys.objects().size();
            // The scroll really fetched every page, and the rows that left the viewport were let go
            assertThat(rowsSent).isGreaterThanOrEqualTo(PAGES * PAGE_SIZE);
            assertThat(rowsHeld).isLessThan(rowsSent);
        }

        var sorted = samples.stream().sorted().toList();
        var out = new LinkedHashMap<String, Object>();
        out.put("session_heap_bytes", sorted.get(sorted.size() / 2));
        out.put("samples_bytes", samples);
        out.put("pages_scrolled", PAGES);
        out.put("page_size", PAGE_SIZE);
        out.put("violations_in_case", rows);
        out.put("rows_sent_to_browser", rowsSent);
        out.put("rows_held_by_session", rowsHeld);
        out.put("method", "median of " + samples.size() + " sessions: used heap after full GC with the view open and "
                + "scrolled, minus before opening it; Karibu drives the grid's viewport and confirms each update");
        out.put("target", "session_heap_bytes <= 1,048,576");
        BenchReport.writeEntry("grid_session", out);
    }

    /** Opens the violations view and scrolls page by page; returns the grid's row keys. */
    @SuppressWarnings("unchecked")
    private KeyMapper<ViolationDetails> scrollThroughTheGrid() throws ReflectiveOperationException {
        UI.getCurrent().navigate(ViolationListView.class);
        MockVaadin.clientRoundtrip(false);
        responseWritten();
        Grid<ViolationDetails> grid = _get(Grid.class);
        DataCommunicator<ViolationDetails> communicator = grid.getDataCommunicator();
        var nextUpdateId = DataCommunicator.class.getDeclaredField("nextUpdateId");
        nextUpdateId.setAccessible(true);
        // What a round trip runs for the grid once the client has asked for a range. Called directly: Karibu's
        // round trip put the grid back on its first page, which would undo the scroll
        var flush = DataCommunicator.class.getDeclaredMethod("flush");
        flush.setAccessible(true);
        int confirmed = 0;
        for (int page = 0; page < PAGES; page++) {
            communicator.setViewportRange(page * PAGE_SIZE, PAGE_SIZE);
            flush.invoke(communicator);
            UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
            responseWritten();
            // What the browser does once it has rendered an update: the rows it replaced may now be dropped
            for (int next = nextUpdateId.getInt(communicator); confirmed < next; confirmed++) {
                communicator.confirmUpdate(confirmed);
            }
        }
        return (KeyMapper<ViolationDetails>) communicator.getKeyMapper();
    }

    /** What writing a response does: the changes and JavaScript calls go to the client and the server forgets them. */
    private static void responseWritten() {
        UI.getCurrent().getInternals().getStateTree().collectChanges(change -> { });
        UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
    }

    /** Keys are numbered from 1 as rows are sent; the last number is how many rows the browser has been sent. */
    private static int keyCount(KeyMapper<?> keys) throws ReflectiveOperationException {
        var lastKey = KeyMapper.class.getDeclaredField("lastKey");
        lastKey.setAccessible(true);
        return lastKey.getInt(keys);
    }

    /**
     * Development mode (this test JVM) records a stack trace for every component created or attached, for the dev
     * tools; the deployed app runs in production mode, where Vaadin turns that off. It would count as this session's.
     */
    private static void productionModeComponentTracking() throws ReflectiveOperationException {
        var disabled = ComponentTracker.class.getDeclaredField("disabled");
        disabled.setAccessible(true);
        disabled.set(null, Boolean.TRUE);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
