package com.example.compliance.sandbox.jira;

import com.example.compliance.sandbox.DemoDirectory.Site;
import com.example.compliance.sandbox.SandboxHttpException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The JQL the sandbox understands: clauses {@code field = value}, {@code field != value}, {@code field in (a, b)},
 * {@code field not in (...)} on project, key/issuekey, id, labels, status, statusCategory and issuetype, joined with
 * AND, and an optional {@code ORDER BY} on key, id, created or updated (other order fields are ignored). Anything else
 * is answered with Jira's 400 error shape.
 */
final class Jql {

    private final Predicate<Issue> filter;
    private final Comparator<Issue> order;

    private Jql(Predicate<Issue> filter, Comparator<Issue> order) {
        this.filter = filter;
        this.order = order;
    }

    List<Issue> apply(List<Issue> issues) {
        return issues.stream().filter(filter).sorted(order).toList();
    }

    static Jql parse(String jql, Site site) {
        if (jql == null || jql.isBlank()) {
            throw SandboxHttpException.jira(400,
                    "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.");
        }
        var tokens = new Tokens(tokenize(jql));
        Predicate<Issue> filter = issue -> true;
        Comparator<Issue> order = Comparator.comparingLong(Issue::id);
        boolean restricted = false;
        while (tokens.more() && !tokens.peekWord("order")) {
            if (restricted) {
                if (!tokens.peekWord("and")) {
                    throw error("Only AND is supported between clauses in the sandbox; found '" + tokens.peek() + "'.");
                }
                tokens.next();
            }
            filter = filter.and(clause(tokens, site));
            restricted = true;
        }
        if (!restricted) {
            throw SandboxHttpException.jira(400,
                    "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.");
        }
        if (tokens.more()) {
            tokens.next();
            if (!tokens.peekWord("by")) {
                throw error("Expecting 'BY' after 'ORDER'.");
            }
            tokens.next();
            Comparator<Issue> sort = null;
            do {
                String field = tokens.next().toLowerCase(Locale.ROOT);
                boolean descending = false;
                if (tokens.peekWord("asc") || tokens.peekWord("desc")) {
                    descending = tokens.next().equalsIgnoreCase("desc");
                }
                Comparator<Issue> byField = switch (field) {
                    case "key", "issuekey", "id" -> Comparator.comparingLong(Issue::id);
                    case "created" -> Comparator.comparing(Issue::created);
                    case "updated" -> Comparator.comparing(Issue::updated);
                    default -> null; // rank, priority...: not modelled, the order stays by id
                };
                if (byField != null) {
                    byField = descending ? byField.reversed() : byField;
                    sort = sort == null ? byField : sort.thenComparing(byField);
                }
            } while (tokens.skip(","));
            if (sort != null) {
                order = sort.thenComparingLong(Issue::id);
            }
        }
        if (tokens.more()) {
            throw error("Unexpected '" + tokens.peek() + "' at the end of the query.");
        }
        return new Jql(filter, order);
    }

    private static Predicate<Issue> clause(Tokens tokens, Site site) {
        String field = tokens.next();
        if (field.equals("(") || field.equals(")") || field.equals(",")) {
            throw error("Expecting a field name but got '" + field + "'.");
        }
        String operator = tokens.next().toLowerCase(Locale.ROOT);
        boolean negated = false;
        if (operator.equals("not")) {
            if (!tokens.peekWord("in")) {
                throw error("Expecting 'IN' after 'NOT'.");
            }
            tokens.next();
            operator = "in";
            negated = true;
        }
        List<String> values = new ArrayList<>();
        switch (operator) {
            case "=", "!=" -> {
                values.add(value(tokens));
                negated = operator.equals("!=");
            }
            case "in" -> {
                if (!tokens.skip("(")) {
                    throw error("Expecting '(' after IN.");
                }
                do {
                    values.add(value(tokens));
                } while (tokens.skip(","));
                if (!tokens.skip(")")) {
                    throw error("Expecting ')' to close the list of values.");
                }
            }
            default -> throw error("The operator '" + operator + "' is not supported by the sandbox.");
        }
        Predicate<Issue> matches = matcher(field.toLowerCase(Locale.ROOT), field, values, site);
        return negated ? matches.negate() : matches;
    }

    private static Predicate<Issue> matcher(String field, String original, List<String> values, Site site) {
        return switch (field) {
            case "project" -> {
                var keys = values.stream().map(v -> site.project(v).orElseThrow(() -> SandboxHttpException.jira(400,
                        "The value '" + v + "' does not exist for the field 'project'.")).key()).toList();
                yield issue -> keys.contains(issue.projectKey());
            }
            case "key", "issuekey" -> issue -> values.stream().anyMatch(v ->
                    v.equalsIgnoreCase(issue.key()) || issue.previousKeys().stream().anyMatch(v::equalsIgnoreCase));
            case "id" -> issue -> values.contains(Long.toString(issue.id()));
            case "labels" -> issue -> issue.labels().stream().anyMatch(values::contains);
            case "status" -> issue -> values.stream().anyMatch(v ->
                    v.equalsIgnoreCase(issue.status().displayName) || v.equals(issue.status().id));
            case "statuscategory" -> issue -> values.stream().anyMatch(v -> v.equalsIgnoreCase(issue.status().categoryKey)
                    || v.equalsIgnoreCase(issue.status().categoryName) || v.equals(Integer.toString(issue.status().categoryId)));
            case "issuetype", "type" -> issue -> {
                var type = site.project(issue.projectKey()).flatMap(p -> p.issueType(issue.issueTypeId()));
                return type.isPresent() && values.stream().anyMatch(v ->
                        v.equalsIgnoreCase(type.get().name()) || v.equals(type.get().id()));
            };
            default -> throw SandboxHttpException.jira(400,
                    "Field '" + original + "' does not exist or you do not have permission to view it.");
        };
    }

    private static String value(Tokens tokens) {
        String value = tokens.next();
        if (value.equals("(") || value.equals(")") || value.equals(",")) {
            throw error("Expecting a value but got '" + value + "'.");
        }
        if (value.endsWith("()")) {
            throw error("JQL functions such as " + value + " are not supported by the sandbox.");
        }
        return value.startsWith("\u0000") ? value.substring(1) : value;
    }

    private static SandboxHttpException error(String detail) {
        return SandboxHttpException.jira(400, "Error in the JQL Query: " + detail);
    }

    /** Words, operators and quoted strings (marked with a leading NUL so "and" in quotes stays a value). */
    private static List<String> tokenize(String jql) {
        var tokens = new ArrayList<String>();
        int i = 0;
        while (i < jql.length()) {
            char c = jql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '\'') {
                var value = new StringBuilder();
                int j = i + 1;
                while (j < jql.length() && jql.charAt(j) != c) {
                    if (jql.charAt(j) == '\\' && j + 1 < jql.length()) {
                        j++;
                    }
                    value.append(jql.charAt(j++));
                }
                if (j >= jql.length()) {
                    throw error("The quoted string starting at character " + (i + 1) + " is not closed.");
                }
                tokens.add("\u0000" + value);
                i = j + 1;
            } else if (c == '(' || c == ')' || c == ',') {
                tokens.add(String.valueOf(c));
                i++;
            } else if (c == '!' && i + 1 < jql.length() && jql.charAt(i + 1) == '=') {
                tokens.add("!=");
                i += 2;
            } else if (c == '=') {
                tokens.add("=");
                i++;
            } else if ("~<>!".indexOf(c) >= 0) {
                throw error("The operator '" + c + "' is not supported by the sandbox.");
            } else {
                int j = i;
                while (j < jql.length() && !Character.isWhitespace(jql.charAt(j)) && "()=,!\"'~<>".indexOf(jql.charAt(j)) < 0) {
                    j++;
                }
                if (j + 1 < jql.length() && jql.charAt(j) == '(' && jql.charAt(j + 1) == ')') {
                    j += 2;
                }
                tokens.add(jql.substring(i, j));
                i = j;
            }
        }
        return tokens;
    }

    private static final class Tokens {
        private final List<String> tokens;
        private int position;

        Tokens(List<String> tokens) {
            this.tokens = tokens;
        }

        boolean more() {
            return position < tokens.size();
        }

        String peek() {
            return more() ? tokens.get(position).replace("\u0000", "") : "";
        }

        boolean peekWord(String word) {
            return more() && tokens.get(position).equalsIgnoreCase(word);
        }

        String next() {
            if (!more()) {
                throw error("The query ended unexpectedly.");
            }
            return tokens.get(position++);
        }

        boolean skip(String token) {
            if (more() && tokens.get(position).equals(token)) {
                position++;
                return true;
            }
            return false;
        }
    }
}
