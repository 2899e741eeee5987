package com.example.compliance.violation;

import com.example.compliance.violation.internal.SeekAnchors;

/**
 * The violations grid's handle on one filter being scrolled through. Besides the filter it remembers where every
 * 5,000th matching row lies, so {@link ViolationService#find(ViolationPaging, long, int,
 * org.springframework.data.domain.Sort)} seeks to a deep page instead of skipping past all rows before it (OFFSET
 * costs time in proportion to the depth). Make a new one when the filter changes; counting through it forgets the
 * anchors, because a recount means the rows may have moved.
 */
public final class ViolationPaging {

    private final ViolationFilter filter;
    private final SeekAnchors anchors = new SeekAnchors();

    public ViolationPaging(ViolationFilter filter) {
        this.filter = filter;
    }

    public ViolationFilter filter() {
        return filter;
    }

    /** How many seek anchors are known (for benchmarks and tests). */
    public int anchorCount() {
        return anchors.size();
    }

    SeekAnchors anchors() {
        return anchors;
    }
}
