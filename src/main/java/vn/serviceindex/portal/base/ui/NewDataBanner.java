package vn.serviceindex.portal.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * "Có số liệu mới": shown on a screen when what it shows changed elsewhere (another official, another node), hidden
 * otherwise. One click refreshes the screen; it does not refresh by itself, so that nobody reading loses their
 * place.
 */
public class NewDataBanner extends Div {

    public NewDataBanner(String textKey, Runnable refresh) {
        addClassName("new-data-banner");
        getElement().setAttribute("role", "status");
        Span text = new Span(getTranslation(textKey));
        Button button = new Button(getTranslation("live.refresh"), VaadinIcon.REFRESH.create(), click -> {
            setVisible(false);
            refresh.run();
        });
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        add(text, button);
        setVisible(false);
    }

    /** Shows the banner (new data arrived). */
    public void show() {
        setVisible(true);
    }
}
