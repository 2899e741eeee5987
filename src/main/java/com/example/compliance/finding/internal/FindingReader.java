package com.example.compliance.finding.internal;

import java.nio.file.Path;

/** Reads one format from a spooled file as a stream, never holding more than one finding (and its rules) at a time. */
public interface FindingReader {

    void read(Path file, FindingSink sink);
}
