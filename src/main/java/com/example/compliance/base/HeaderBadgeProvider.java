package com.example.compliance.base;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * Lets a feature put a badge into the header (e.g. "Sandbox Jira") without base importing that feature.
 */
public interface HeaderBadgeProvider {

    Optional<Component> badge();
}
