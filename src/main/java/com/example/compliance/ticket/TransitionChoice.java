package com.example.compliance.ticket;

/** A status the selected tickets can be moved to, and how many of them Jira offers a transition there for. */
public record TransitionChoice(String status, int tickets) {}
