package com.example.compliance.finding.internal;

/** Where a format reader puts what it reads, finding by finding, in file order ({@code index} counts from 0). */
public interface FindingSink {

    /** A tool that the file reports for, even if it reports no findings (a full import resolves by tool). */
    void tool(String tool);

    void finding(int index, ParsedFinding finding);

    /** A record that is not a violation (a passing check, a manual check, another event class). */
    void skipped(int index);

    /** A finding that cannot be mapped: {@code field} names where, as a path into the record. */
    void error(int index, String field, String message);
}
