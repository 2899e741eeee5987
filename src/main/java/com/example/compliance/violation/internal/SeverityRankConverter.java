package com.example.compliance.violation.internal;

import com.example.compliance.violation.Severity;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores severity as its rank so ORDER BY severity is by badness and indexable. */
@Converter
public class SeverityRankConverter implements AttributeConverter<Severity, Short> {

    @Override
    public Short convertToDatabaseColumn(Severity severity) {
        return severity == null ? null : (short) severity.rank();
    }

    @Override
    public Severity convertToEntityAttribute(Short rank) {
        return rank == null ? null : Severity.ofRank(rank);
    }
}
