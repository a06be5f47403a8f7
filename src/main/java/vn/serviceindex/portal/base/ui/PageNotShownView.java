package vn.serviceindex.portal.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An address this account may not open, or one that does not exist, inside the shell and in the user's language,
 * with the way back. Vaadin reroutes a view refused by its access annotations to the not-found error, so that the
 * page does not reveal which addresses exist; this page says so in words a clerk understands.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class PageNotShownView extends VerticalLayout implements HasErrorParameter<NotFoundException>, HasDynamicTitle {

    final Paragraph explanation = new Paragraph();

    public PageNotShownView() {
        addClassName("page-not-shown");
        var home = new Anchor("", getTranslation("error.page.home"));
        add(new H2(getTranslation("error.page.title")), explanation, home);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        explanation.setText(getTranslation("error.page.text", "/" + event.getLocation().getPath()));
        return HttpServletResponse.SC_NOT_FOUND;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("error.page.title");
    }
}
