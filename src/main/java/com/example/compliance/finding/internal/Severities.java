package com.example.compliance.finding.internal;

import com.example.compliance.violation.Severity;
import java.util.Locale;

/** The severity scales of the formats, mapped to ours (see the README's mapping table). */
final class Severities {

    private Severities() {}

    /** A CVSS-like score 0–10 (SARIF {@code security-severity}). */
    static Severity ofScore(double score) {
        if (score >= 9.0) {
            return Severity.CRITICAL;
        }
        if (score >= 7.0) {
            return Severity.HIGH;
        }
        if (score >= 4.0) {
            return Severity.MEDIUM;
        }
        return score > 0 ? Severity.LOW : Severity.INFO;
    }

    /** SARIF {@code level}; null if it is not one of SARIF's four. */
    static Severity ofSarifLevel(String level) {
        return switch (level.toLowerCase(Locale.ROOT)) {
            case "error" -> Severity.HIGH;
            case "warning" -> Severity.MEDIUM;
            case "note" -> Severity.LOW;
            case "none" -> Severity.INFO;
            default -> null;
        };
    }

    /** OCSF {@code severity_id}; null for 0 (Unknown), 99 (Other) and anything else. */
    static Severity ofOcsfId(int id) {
        return switch (id) {
            case 1 -> Severity.INFO;
            case 2 -> Severity.LOW;
            case 3 -> Severity.MEDIUM;
            case 4 -> Severity.HIGH;
            case 5, 6 -> Severity.CRITICAL;
            default -> null;
        };
    }

    /** ASFF {@code Severity.Normalized} 0–100; null outside that range. */
    static Severity ofNormalized(double normalized) {
        if (normalized < 0 || normalized > 100) {
            return null;
        }
        if (normalized >= 90) {
            return Severity.CRITICAL;
        }
        if (normalized >= 70) {
            return Severity.HIGH;
        }
        if (normalized >= 40) {
            return Severity.MEDIUM;
        }
        return normalized >= 1 ? Severity.LOW : Severity.INFO;
    }

    /** A severity word in any case ("High", "INFORMATIONAL", "fatal"); null if it is none we know. */
    static Severity ofWord(String word) {
        return switch (word.strip().toUpperCase(Locale.ROOT)) {
            case "CRITICAL", "FATAL" -> Severity.CRITICAL;
            case "HIGH" -> Severity.HIGH;
            case "MEDIUM", "MODERATE" -> Severity.MEDIUM;
            case "LOW" -> Severity.LOW;
            case "INFO", "INFORMATIONAL", "INFORMATION" -> Severity.INFO;
            default -> null;
        };
    }
}
