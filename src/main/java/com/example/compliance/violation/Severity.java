package com.example.compliance.violation;

/** How bad a violation is. {@code rank} is what the database stores and sorts by (higher is worse). */
public enum Severity {
    CRITICAL(4),
    HIGH(3),
    MEDIUM(2),
    LOW(1),
    INFO(0);

    private final int rank;

    Severity(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    public static Severity ofRank(int rank) {
        for (Severity s : values()) {
            if (s.rank == rank) {
                return s;
            }
        }
        throw new IllegalArgumentException("No severity with rank " + rank);
    }
}
