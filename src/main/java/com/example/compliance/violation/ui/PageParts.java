package com.example.compliance.violation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;

/** The building blocks of the violation's and the case's pages: labelled facts and titled sections (app.css styles them). */
final class PageParts {

    private PageParts() {}

    static Component section(String title, Component content) {
        var section = new Section(new H3(title), content);
        section.addClassName("violation-section");
        return section;
    }

    static Div fact(String label, String value) {
        var name = new Span(label);
        name.addClassName("fact-label");
        var line = new Div(name, new Span(value));
        line.addClassName("fact");
        return line;
    }

    static Div factLink(String label, String value, String href) {
        var name = new Span(label);
        name.addClassName("fact-label");
        var line = new Div(name, new Anchor(href, value));
        line.addClassName("fact");
        return line;
    }
}
