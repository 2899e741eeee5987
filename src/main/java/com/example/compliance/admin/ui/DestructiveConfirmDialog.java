package com.example.compliance.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/**
 * Asks before a destructive admin action. Cancel has the focus when it opens, so Enter or a stray key press never
 * disables anyone; the destructive button is red and must be clicked (or tabbed to) on purpose.
 */
class DestructiveConfirmDialog extends Dialog {

    DestructiveConfirmDialog(String title, String text, String confirmLabel, Runnable onConfirm) {
        setHeaderTitle(title);
        add(new Paragraph(text));
        var cancel = new Button("Cancel", click -> close());
        cancel.setAutofocus(true);
        var confirm = new Button(confirmLabel, click -> {
            close();
            onConfirm.run();
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        getFooter().add(cancel, confirm);
        setCloseOnEsc(true);
    }
}
