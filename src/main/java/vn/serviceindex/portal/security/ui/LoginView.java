package vn.serviceindex.portal.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.ui.LanguageSwitch;
import vn.serviceindex.portal.security.service.LoginThrottledException;

@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** After too many failures: which wait ({@link LoginThrottledException.Reason}) and for how many seconds. */
    static final String THROTTLE_PARAMETER = "throttled";
    /** Session attribute holding the username of the login that failed, so that the page shown again keeps it. */
    static final String LAST_USERNAME = "portal.failedLoginUsername";
    static final int MAX_USERNAME = 64;
    static final String RETRY_PARAMETER = "retry";

    final LoginForm loginForm = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();

    public LoginView() {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getForm().setForgotPassword(getTranslation("login.forgotPassword"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        loginForm.setI18n(i18n);
        loginForm.setAction("login");
        loginForm.setForgotPasswordButtonVisible(false);

        var header = new Div(new H1(getTranslation("app.name")), new Paragraph(getTranslation("login.subtitle")));
        header.addClassName("login-header");
        add(header, loginForm, new LanguageSwitch());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters();
        UserError throttled = parameters.getSingleParameter(THROTTLE_PARAMETER).flatMap(reason -> parameters
                .getSingleParameter(RETRY_PARAMETER).flatMap(retry -> throttled(reason, retry))).orElse(null);
        i18n.getErrorMessage().setMessage(throttled == null ? getTranslation("login.error.message")
                : getTranslation(throttled.messageKey(), throttled.arguments()));
        loginForm.setI18n(i18n);
        boolean failed = parameters.getParameters().containsKey("error");
        loginForm.setError(failed);
        VaadinSession session = VaadinSession.getCurrent();
        if (failed && session != null && session.getSession() != null
                && session.getSession().getAttribute(LAST_USERNAME) instanceof String username) {
            // The username the user typed stays; only the password is typed again.
            loginForm.getElement().executeJs("""
                    const field = this.querySelector('vaadin-text-field[name=username]');
                    if (field) { field.value = $0; }
                    const password = this.querySelector('vaadin-password-field[name=password]');
                    if (password) { setTimeout(() => password.focus()); }""", username);
        }
    }

    /** The wait the failure handler named, as the person logging in reads it; nothing for a tampered address. */
    private static java.util.Optional<UserError> throttled(String reason, String retry) {
        try {
            long seconds = Long.parseLong(retry);
            if (seconds < 1 || seconds > 7 * 24 * 3600) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new LoginThrottledException(
                    LoginThrottledException.Reason.valueOf(reason), seconds).userError());
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.pageTitle");
    }
}
