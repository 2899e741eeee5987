package com.example.compliance.base.ui;

import com.vaadin.flow.component.grid.Grid;

/**
 * A name for a multi-select grid's selection column header. A lazy grid hides its select-all box, which leaves the
 * header empty for screen readers (axe: empty-table-header); this puts a visually hidden label there instead.
 */
public final class SelectionColumnName {

    private SelectionColumnName() {}

    public static void set(Grid<?> grid, String label) {
        grid.getElement().executeJs("""
                const grid = this;
                const label = $0;
                customElements.whenDefined('vaadin-grid-flow-selection-column').then(() => requestAnimationFrame(() => {
                  const column = grid.querySelector('vaadin-grid-flow-selection-column');
                  if (column) {
                    column.headerRenderer = root => {
                      root.innerHTML = '';
                      const name = document.createElement('span');
                      name.className = 'visually-hidden';
                      name.textContent = label;
                      root.appendChild(name);
                    };
                  }
                }));""", label);
    }
}
