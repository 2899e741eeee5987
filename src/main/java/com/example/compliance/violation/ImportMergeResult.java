package com.example.compliance.violation;

/**
 * What a merge did to the reported findings (each counted once: created, updated, unchanged, reopened or resolved)
 * and how many violations it resolved because the import no longer reports them ({@code resolvedAbsent}).
 */
public record ImportMergeResult(int created, int updated, int unchanged, int reopened, int resolvedReported,
        int resolvedAbsent) {

    public int resolved() {
        return resolvedReported + resolvedAbsent;
    }
}
