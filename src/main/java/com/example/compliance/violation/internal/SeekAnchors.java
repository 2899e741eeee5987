package com.example.compliance.violation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where every {@link ViolationSearch#SEEK_STEP}th row of one filtered result lies, per sort: the sort-key values of the
 * rows at positions STEP-1, 2·STEP-1, … A deep page then starts from the nearest anchor before it instead of counting
 * past every row with OFFSET. Anchors are found lazily, only as far as a requested page needs them.
 */
public final class SeekAnchors {

    private final Map<String, List<Object[]>> bySort = new HashMap<>();

    /** The anchors known so far for a sort; the caller extends the list in place. */
    synchronized List<Object[]> forSort(String sortSignature) {
        return bySort.computeIfAbsent(sortSignature, key -> new ArrayList<>());
    }

    /** Forgets every anchor: the result set may have changed (the grid recounts). */
    public synchronized void clear() {
        bySort.clear();
    }

    /** How many anchors are known in all (tests, benchmarks). */
    public synchronized int size() {
        return bySort.values().stream().mapToInt(List::size).sum();
    }
}
